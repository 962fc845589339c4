# Pester 5 smoke test: the built library loads into PowerShell 7 with Add-Type and classifies a record.
# Run by PowerShellSmokeTests.cs with ATTACKMAP_CORE_DLL pointing at the built AttackMap.Core.dll.

BeforeAll {
    $dll = $env:ATTACKMAP_CORE_DLL
    if (-not $dll -or -not (Test-Path $dll)) { throw "ATTACKMAP_CORE_DLL must point at AttackMap.Core.dll (got '$dll')." }
    Add-Type -Path $dll
    $script:engine = [AttackMap.AttackMapEngine]::new()
}

Describe 'AttackMap.Core from PowerShell' {
    It 'classifies an Activity Log diagnostic record as T1685.002' {
        $record = @{
            time          = '2026-11-20T10:02:11.0000000Z'
            resourceId    = '/SUBSCRIPTIONS/00000000-0000-4000-8000-00000000C0DE/RESOURCEGROUPS/RG-LAB/PROVIDERS/MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/SEND-TO-SENTINEL'
            operationName = 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE'
            category      = 'Administrative'
            resultType    = 'Success'
            callerIpAddress = '203.0.113.45'
            properties    = @{ eventCategory = 'Administrative' }
        } | ConvertTo-Json -Compress

        $results = $script:engine.ClassifyJson($record)

        $results.Count | Should -Be 1
        $evidence = $results[0].Evidence
        $evidence.Count | Should -BeGreaterThan 0
        $evidence[0].Technique.Id | Should -Be 'T1685.002'
        $evidence[0].Family.ToString() | Should -Be 'AzureActivity'
        $evidence[0].Rationale | Should -Not -BeNullOrEmpty
    }

    It 'leaves a routine read unmapped' {
        $record = '{"time":"2026-11-20T10:03:00Z","resourceId":"/SUBSCRIPTIONS/00000000-0000-4000-8000-00000000C0DE/RESOURCEGROUPS/RG-LAB/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1","operationName":"MICROSOFT.COMPUTE/VIRTUALMACHINES/READ","category":"Administrative","resultType":"Success"}'

        $results = $script:engine.ClassifyJson($record)

        $results[0].IsUnmapped | Should -BeTrue
    }

    It 'computes coverage with T1098.003 covered directly' {
        $report = $script:engine.CalculateCoverage()

        $report.GetCoverage('T1098.003').Status.ToString() | Should -Be 'Direct'
    }
}
