#Requires -Version 7
<#
.SYNOPSIS
    What people do today without the library: read JSON Lines diagnostic records, ConvertFrom-Json each line, pick the
    match key by category (result code, activity, operation name, risk type, alert type) and look it up in a hashtable
    of key -> techniques. Writes one tab-separated line per mapped record. Used by compare-powershell.sh as the reference.
.PARAMETER Path
    The JSON Lines file.
.PARAMETER LookupTable
    Tab-separated family, key, techniques (written by the benchmark project: --write-lookup PATH).
#>
param(
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $LookupTable
)

$ErrorActionPreference = 'Stop'
$map = @{} # case-insensitive, like the library's key matching
foreach ($row in [System.IO.File]::ReadLines($LookupTable)) {
    $fields = $row.Split("`t")
    $map["$($fields[0])|$($fields[1])"] = $fields[2]
}

$records = 0
$mapped = 0
$out = [System.Console]::Out
# [IO.File]::ReadLines is the fast way to stream lines in PowerShell (Get-Content is several times slower).
foreach ($line in [System.IO.File]::ReadLines($Path)) {
    if ($line.Length -eq 0) { continue }
    $records++
    $record = ConvertFrom-Json -InputObject $line
    $key = switch ($record.category) {
        'SignInLogs' { "EntraSignIn|$($record.resultType)" }
        'AuditLogs' { "EntraAudit|$($record.properties.activityDisplayName)" }
        'Administrative' { "AzureActivity|$($record.operationName)" }
        'UserRiskEvents' { "EntraRiskDetection|$($record.properties.riskEventType)" }
        default { "DefenderForCloud|$($record.properties.alertType)" }
    }
    $techniques = $map[$key]
    if ($techniques) {
        $mapped++
        $out.WriteLine("$records`t$key`t$techniques")
    }
}

[System.Console]::Error.WriteLine("classify-naive: $records records, $mapped mapped")
