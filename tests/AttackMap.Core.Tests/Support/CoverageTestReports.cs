using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Mapping;
using AttackMap.Signals;
using static AttackMap.Tests.Support.CoverageTestCatalogs;

namespace AttackMap.Tests.Support;

/// <summary>A coverage report over the small catalog with one technique of every status, for the exporter tests.</summary>
internal static class CoverageTestReports
{
    public static MappingRule[] Rules() => new[]
    {
        Rule("signin.password-spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003"),
        Rule("audit.add-member-to-role", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1098.003"),
        Rule("activity.diagnostic-setting-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1685.002"),
        new MappingRule("signin.first-cloud-sign-in", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "A new cloud account signs in.")
        {
            Tactics = new[] { "initial-access" },
        },
        Rule("risk.mfa-fraud", LogFamily.EntraRiskDetection, EvidenceKind.NeedsReview, "T1621"),
        Rule("defender.mass-delete", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1485"),
    };

    public static LogSourceInventory Sources() => LogSourceInventory.AllEnabled.Without(LogFamily.DefenderForCloud).WithoutTables("AADNonInteractiveUserSignInLogs");

    public static CoverageReport Mixed(AttackCatalog? catalog = null) =>
        new CoverageCalculator().Calculate(catalog ?? Small(), Rules(), Sources());
}
