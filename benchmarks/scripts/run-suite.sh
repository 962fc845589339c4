#!/usr/bin/env bash
# Runs the benchmark suite the way docs/performance.md reports it, recording the machine load before and after each part.
# Usage: [PARTS="core correlation scale"] benchmarks/scripts/run-suite.sh [extra BenchmarkDotNet args]   (job: short, except scale)
set -euo pipefail
cd "$(dirname "$0")/../.."
log=BenchmarkDotNet.Artifacts/suite-load.log
mkdir -p BenchmarkDotNet.Artifacts
dotnet build benchmarks/AttackMap.Benchmarks -c Release --nologo -v q
run() {
  local name=$1; shift
  echo "$(date -u +%FT%TZ) before $name: $(uptime)" | tee -a "$log"
  dotnet run -c Release --no-build --project benchmarks/AttackMap.Benchmarks -- "$@"
  echo "$(date -u +%FT%TZ) after $name: $(uptime)" | tee -a "$log"
}
parts=" ${PARTS:-core correlation scale} "
if [[ $parts == *" core "* ]]; then
  run core --filter '*ClassifyBenchmark*' '*StartupBenchmark*' '*CoverageBenchmark*' '*EndToEndBenchmark*' --job short "$@"
fi
if [[ $parts == *" correlation "* ]]; then
  run correlation --filter '*.CorrelationBenchmark.*' --job short "$@"
fi
if [[ $parts == *" scale "* ]]; then
  run correlation-scale --filter '*CorrelationScaleBenchmark*' "$@"
fi
