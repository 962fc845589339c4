#!/usr/bin/env bash
# Times the naive PowerShell approach (classify-naive.ps1: ConvertFrom-Json + hashtable) against the library doing the
# same job through the CLI (attackmap classify FILE > /dev/null), whole-process wall time, on the same JSON Lines file,
# same machine, same run. Usage: benchmarks/scripts/compare-powershell.sh [record count, default 200000]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-200000}
work=${TMPDIR:-/tmp}/attackmap-compare
mkdir -p "$work"

dotnet build benchmarks/AttackMap.Benchmarks -c Release --nologo -v q >/dev/null
dotnet build src/AttackMap.Cli -c Release --nologo -v q >/dev/null
dotnet tool restore >/dev/null

bench=(dotnet benchmarks/AttackMap.Benchmarks/bin/Release/net10.0/AttackMap.Benchmarks.dll)
cli=(dotnet src/AttackMap.Cli/bin/Release/net8.0/attackmap.dll)
"${bench[@]}" --write-jsonl "$work/records.jsonl" "$count"
"${bench[@]}" --write-lookup "$work/lookup.tsv"
echo "input: $work/records.jsonl, $count records, $(stat -c %s "$work/records.jsonl") bytes"
echo "pwsh: $(dotnet pwsh -NoLogo -NoProfile -Command '$PSVersionTable.PSVersion.ToString()'), dotnet: $(dotnet --version), load before: $(uptime)"

library_cmd="${cli[*]} classify $work/records.jsonl > /dev/null 2>$work/cli.err"
naive_cmd="dotnet pwsh -NoLogo -NoProfile -File benchmarks/scripts/classify-naive.ps1 -Path $work/records.jsonl -LookupTable $work/lookup.tsv > /dev/null 2>$work/naive.err"

seconds() { # wall time of one run, in seconds
  local start end
  start=$(date +%s.%N); bash -c "$1"; end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "${RUNS:-3}" --export-markdown "$work/hyperfine.md" -n library "$library_cmd" -n powershell-naive "$naive_cmd"
  cat "$work/hyperfine.md"
else
  lib=$(seconds "$library_cmd"); lib=$(seconds "$library_cmd")   # first run warms the disk cache
  naive=$(seconds "$naive_cmd")
  printf 'library (attackmap classify): %.2f s\npowershell naive: %.2f s\nratio: %.1fx\n' "$lib" "$naive" "$(echo "$naive / $lib" | bc -l)"
fi
echo "cli: $(tail -n 3 "$work/cli.err" | tr '\n' ' ')"
echo "naive: $(cat "$work/naive.err")"
echo "load after: $(uptime)"
