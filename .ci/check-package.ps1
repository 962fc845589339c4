# Fails when the AttackMap.Core package lacks its README, MITRE notice, XML docs or symbols package, or AttackMap.Sentinel its own README.
param([Parameter(Mandatory)][string] $Folder)
Add-Type -AssemblyName System.IO.Compression.FileSystem
$pkg = Get-ChildItem $Folder -Filter 'AttackMap.Core.*.nupkg' | Select-Object -First 1
if (-not $pkg) { Write-Error "no AttackMap.Core package in $Folder"; exit 1 }
$zip = [System.IO.Compression.ZipFile]::OpenRead($pkg.FullName)
$names = $zip.Entries.FullName
$nuspec = $zip.Entries | Where-Object FullName -like '*.nuspec' | ForEach-Object { $r = [System.IO.StreamReader]::new($_.Open()); $r.ReadToEnd(); $r.Dispose() }
$zip.Dispose()
foreach ($need in 'README.md', 'NOTICE-ATTACK.txt', 'lib/netstandard2.0/AttackMap.Core.dll', 'lib/netstandard2.0/AttackMap.Core.xml', 'lib/net8.0/AttackMap.Core.dll', 'lib/net8.0/AttackMap.Core.xml') {
    if ($names -notcontains $need) { Write-Error "$($pkg.Name) lacks $need"; exit 1 }
}
if ($nuspec -notmatch '<license type="expression">MIT</license>') { Write-Error 'the nuspec has no MIT licence expression'; exit 1 }
if (-not (Get-ChildItem $Folder -Filter 'AttackMap.Core.*.snupkg')) { Write-Error 'no symbols package'; exit 1 }
'{0}: {1} entries; README, MITRE notice, XML docs, MIT licence expression and symbols package present' -f $pkg.Name, $names.Count

# AttackMap.Sentinel ships its own README (its NuGet page shows Sentinel usage, not the core's).
$sentinel = Get-ChildItem $Folder -Filter 'AttackMap.Sentinel.*.nupkg' | Where-Object Name -notlike '*.snupkg' | Select-Object -First 1
if (-not $sentinel) { Write-Error "no AttackMap.Sentinel package in $Folder"; exit 1 }
$zip = [System.IO.Compression.ZipFile]::OpenRead($sentinel.FullName)
$readme = $zip.Entries | Where-Object FullName -eq 'README.md' | ForEach-Object { $r = [System.IO.StreamReader]::new($_.Open()); $r.ReadToEnd(); $r.Dispose() }
$zip.Dispose()
if (-not $readme -or -not $readme.StartsWith('# AttackMap.Sentinel')) { Write-Error "$($sentinel.Name) lacks its own README.md"; exit 1 }
'{0}: its own README present' -f $sentinel.Name
