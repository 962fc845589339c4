# Fails when a classify summary (--summary-json) does not reconcile: read = mapped + unmapped + rejected.
param([Parameter(Mandatory)][string] $Path)
$s = Get-Content -Raw $Path | ConvertFrom-Json
'read {0} = mapped {1} + unmapped {2} + rejected {3} ({4} files)' -f $s.read, $s.mapped, $s.unmapped, $s.rejected, $s.files
if ($s.read -ne $s.mapped + $s.unmapped + $s.rejected -or -not $s.reconciled) { Write-Error 'counts do not reconcile'; exit 1 }
if ($s.read -le 0) { Write-Error 'no record read'; exit 1 }
foreach ($r in $s.rejections) { '  rejected {0}#{1} line {2}: {3}' -f $r.file, $r.index, $r.line, $r.reason }
