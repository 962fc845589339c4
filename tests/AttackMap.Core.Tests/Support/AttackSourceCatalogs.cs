using AttackMap.Attack;

namespace AttackMap.Tests.Support;

/// <summary>
/// The small coverage catalog with the Azure log sources MITRE's v18.1 analytics name for some of its techniques
/// (ids, analytics, strategies and channels as in enterprise-attack-18.1.json), plus T1614 and T1651.
/// </summary>
internal static class AttackSourceCatalogs
{
    public static AttackLogSourceReference Ref(string name, string analytic, string strategy, string platform, string channel, string? sourceTechnique = null) => new()
    {
        Name = name,
        Channel = channel,
        AnalyticId = analytic,
        DetectionStrategyId = strategy,
        Platform = platform,
        AttackVersion = "18.1",
        SourceTechniqueId = sourceTechnique,
    };

    public static AttackCatalog WithSources()
    {
        var small = CoverageTestCatalogs.Small();
        var sources = new Dictionary<string, AttackLogSourceReference[]>(StringComparer.Ordinal)
        {
            ["T1078.004"] = new[] { Ref("azure:signinlogs", "AN1503", "DET0546", "Identity Provider", "Sign-in activity") },
            ["T1098.001"] = new[] { Ref("azure:audit", "AN1469", "DET0531", "Identity Provider", "Add service principal credentials, app password added, app role assignment") },
            ["T1110"] = new[] { Ref("azure:signinlogs", "AN1277", "DET0463", "Identity Provider", "Sign-in logs") },
            ["T1110.003"] = new[] { Ref("azure:signinlogs", "AN1339", "DET0487", "Identity Provider", "Failure Reason + UserPrincipalName") },
            ["T1685.002"] = new[] { Ref("azure:policy", "AN0802", "DET0289", "Identity Provider", "DisableAuditLogs or ConditionalAccess logging changes", "T1562.008") },
        };
        var techniques = small.GetTechniques(includeRevokedAndDeprecated: true)
            .Select(t => sources.TryGetValue(t.Id, out var refs) ? t with { AzureLogSources = refs } : t)
            .Concat(new[]
            {
                new Technique
                {
                    Id = "T1614", Name = "System Location Discovery", Tactics = new[] { "impact" }, Platforms = new[] { "IaaS", "Linux", "macOS", "Windows" },
                    AzureLogSources = new[] { Ref("azure:vpcflow", "AN0122", "DET0043", "IaaS", "HTTP requests to 169.254.169.254 or Azure Metadata endpoints") },
                },
                new Technique
                {
                    Id = "T1651", Name = "Cloud Administration Command", Tactics = new[] { "impact" }, Platforms = new[] { "IaaS" },
                    AzureLogSources = new[]
                    {
                        Ref("azure:activity", "AN1502", "DET0545", "IaaS", "Microsoft.Compute/virtualMachines/runCommand/action"),
                        Ref("azure:vmguest", "AN1502", "DET0545", "IaaS", "Unexpected execution of cloud agent processes"),
                    },
                },
            });
        return new AttackCatalog("19.2", small.Tactics, techniques, "hand-made test catalog with ATT&CK log sources");
    }
}
