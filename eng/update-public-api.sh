#!/usr/bin/env bash
# Adds every new public symbol of AttackMap.Core to PublicAPI.Unshipped.txt (RS0016 code fix), sorted.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet format analyzers src/AttackMap.Core/AttackMap.Core.csproj --diagnostics RS0016 RS0017 --severity error
f=src/AttackMap.Core/PublicAPI.Unshipped.txt
{ echo '#nullable enable'; grep -v '^#nullable enable' "$f" | LC_ALL=C sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
