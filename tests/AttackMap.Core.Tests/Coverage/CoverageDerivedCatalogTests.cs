using AttackMap.Coverage;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Coverage;

/// <summary>Coverage over the derived ATT&amp;CK v19.2 table in ../shared/data (skipped when it is absent).</summary>
public sealed class CoverageDerivedCatalogTests
{
    [SharedDataFact]
    public void Calculate_DerivedV19_AzureScopeMatchesARawTsvFilter()
    {
        var catalog = CoverageTestCatalogs.FromSharedTsv();
        var azure = new HashSet<string>(CoverageTestCatalogs.Azure, StringComparer.Ordinal);
        var expected = CoverageTestCatalogs.ReadTsv(SharedData.PathOf("attack/techniques-19.2-derived.tsv"))
            .Where(r => r["revoked"] != "true" && r["deprecated"] != "true")
            .Where(r => r["platforms"].Split(',').Any(p => azure.Contains(p.Trim())))
            .Select(r => r["attack_id"])
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();

        var report = new CoverageCalculator().Calculate(catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.Techniques.Select(t => t.Id).Should().Equal(expected);
        report.Techniques.Should().HaveCountGreaterThan(100);
    }

    [SharedDataFact]
    public void Calculate_DerivedV19_CloudAccountsInScopeAndOsCredentialDumpingOut()
    {
        var catalog = CoverageTestCatalogs.FromSharedTsv();

        var report = new CoverageCalculator().Calculate(catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        var cloudAccounts = report.GetCoverage("T1078.004");
        cloudAccounts.Status.Should().Be(CoverageStatus.NeedsRule);
        cloudAccounts.Tactics.Select(t => t.Tactic.ShortName).Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth");
        var dumping = report.GetCoverage("T1003");
        dumping.Status.Should().Be(CoverageStatus.OutOfScope);
        dumping.Reason.Should().Be("OutOfScope: its platforms (Linux, macOS, Windows) are outside the scope (IaaS, Identity Provider, SaaS, Office Suite)");
        report.Techniques.Should().NotContain(t => t.Id == "T1003");
    }

    [SharedDataFact]
    public void Calculate_DerivedV19_TacticsAreTheFifteenV19TacticsInMatrixOrder()
    {
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.FromSharedTsv(), Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.Tactics.Should().HaveCount(15);
        report.Tactics[6].Tactic.ShortName.Should().Be("stealth");
        report.Tactics[7].Tactic.ShortName.Should().Be("defense-impairment");
        report.Tactics.Single(t => t.Tactic.ShortName == "reconnaissance").Total.Should().Be(0, "PRE techniques are outside the Azure scope");
    }

    [SharedDataFact]
    public void Calculate_DerivedV19_V18RuleIdResolvesToItsV19Replacement()
    {
        var catalog = CoverageTestCatalogs.FromSharedTsv();
        var rule = CoverageTestCatalogs.Rule("activity.diagnostic-setting-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1562.008");

        var report = new CoverageCalculator().Calculate(catalog, new[] { rule }, LogSourceInventory.AllEnabled);

        var cloudLog = report.GetCoverage("T1685.002");
        cloudLog.Status.Should().Be(CoverageStatus.CorrelationOnly);
        cloudLog.Tactics.Single().Tactic.ShortName.Should().Be("defense-impairment");
        report.GetCoverage("T1685").Reason.Should().Contain("via T1685.002");
        report.UnresolvedMappings.Should().BeEmpty();
    }
}
