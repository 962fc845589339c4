#!/usr/bin/env bash
# Peak memory of correlation versus the number of streamed signals: one fresh process per N, so each process's peak
# working set belongs to that N alone. Prints the CSV rows of each run (see CorrelationMemory.cs for the columns).
# Usage: benchmarks/scripts/correlation-memory.sh [N ...]   (default: 1000000 2000000 5000000 10000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build benchmarks/AttackMap.Benchmarks -c Release --nologo -v q >/dev/null
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(1000000 2000000 5000000 10000000)
echo "load before: $(uptime)"
echo "columns: signals,elapsed_s,live_heap_mib,max_live_heap_mib,gc_heap_size_mib,active_states,max_active_states,findings,peak_working_set_mib"
for n in "${counts[@]}"; do
  dotnet benchmarks/AttackMap.Benchmarks/bin/Release/net10.0/AttackMap.Benchmarks.dll --correlation-memory "$n" | grep -v '^signals,'
done
echo "load after: $(uptime)"
