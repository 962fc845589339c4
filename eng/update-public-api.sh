#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt,
# then sorts the file. Run it after adding public API; review the diff.
# Usage: eng/update-public-api.sh [project folder or .csproj]   (default: src/AttackMap.Core)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-src/AttackMap.Core}
if [ -d "$target" ]; then
  dir=${target%/}
  proj=$(ls "$dir"/*.csproj | head -n 1)
else
  proj=$target
  dir=$(dirname "$proj")
fi
f=$dir/PublicAPI.Unshipped.txt
[ -f "$f" ] || echo '#nullable enable' > "$f"
new=$(dotnet build "$proj" -c Release --no-incremental 2>&1 \
  | grep -o "error RS0016: Symbol '.*' is not part of the declared public API" \
  | sed -E "s/^error RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
{ echo '#nullable enable'; { grep -v '^#nullable enable' "$f" || true; [ -n "$new" ] && printf '%s\n' "$new"; } | grep -v '^$' | LC_ALL=C sort -u; } > "$f.tmp"
mv "$f.tmp" "$f"
echo "$(printf '%s' "$new" | grep -c . || true) symbols added to $f"
