#!/usr/bin/env bash
# Adds every public symbol of AttackMap.Core that the build reports as undeclared (RS0016) to
# PublicAPI.Unshipped.txt, then sorts the file. Run it after adding public API; review the diff.
set -euo pipefail
cd "$(dirname "$0")/.."
f=src/AttackMap.Core/PublicAPI.Unshipped.txt
new=$(dotnet build src/AttackMap.Core/AttackMap.Core.csproj -c Release --no-incremental 2>&1 \
  | grep -o "error RS0016: Symbol '.*' is not part of the declared public API" \
  | sed -E "s/^error RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
{ echo '#nullable enable'; { grep -v '^#nullable enable' "$f"; [ -n "$new" ] && printf '%s\n' "$new"; } | grep -v '^$' | LC_ALL=C sort -u; } > "$f.tmp"
mv "$f.tmp" "$f"
echo "$(printf '%s' "$new" | grep -c . || true) symbols added to $f"
