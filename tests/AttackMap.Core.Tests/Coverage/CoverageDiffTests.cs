using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Coverage;

public sealed class CoverageDiffTests
{
    private static CoverageReport Before() => CoverageTestReports.Mixed();

    private static CoverageReport AfterWithoutAuditAndSpray()
    {
        var rules = CoverageTestReports.Rules().Where(r => r.Id != "signin.password-spray").ToArray();
        return new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), rules, CoverageTestReports.Sources().Without(LogFamily.EntraAudit));
    }

    [Fact]
    public void Compare_LoggingAndRuleRemoved_ListsDowngradesWithBothReasons()
    {
        var diff = CoverageDiff.Compare(Before(), AfterWithoutAuditAndSpray());

        diff.Changes.Select(c => c.TechniqueId).Should().Equal("T1098", "T1098.003", "T1110", "T1110.003");
        diff.Changes.Should().OnlyContain(c => c.Kind == CoverageChangeKind.Downgraded);
        var role = diff.Changes[1];
        role.Before.Should().Be(CoverageStatus.Direct);
        role.After.Should().Be(CoverageStatus.NeedsLogging);
        role.BeforeReason.Should().Be("Direct: 1 direct-detection rule over enabled sources (AuditLogs)");
        role.AfterReason.Should().StartWith("NeedsLogging:").And.Contain("AuditLogs");
        role.Reason.Should().Be("Direct -> NeedsLogging: " + role.AfterReason!.Substring("NeedsLogging: ".Length));
        role.Reason.Should().StartWith("Direct -> NeedsLogging: mapped by 1 rule").And.NotContain("NeedsLogging: NeedsLogging");
        diff.Changes[3].After.Should().Be(CoverageStatus.NeedsRule);
        diff.Count(CoverageChangeKind.Downgraded).Should().Be(4);
    }

    [Fact]
    public void Compare_Reversed_ListsUpgrades()
    {
        var diff = CoverageDiff.Compare(AfterWithoutAuditAndSpray(), Before());

        diff.Changes.Should().HaveCount(4).And.OnlyContain(c => c.Kind == CoverageChangeKind.Upgraded);
        diff.Downgrades.Should().BeEmpty();
    }

    [Fact]
    public void Compare_SameReport_NoChanges()
    {
        CoverageDiff.Compare(Before(), Before()).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Compare_ScopeChange_ListsAddedAndRemoved()
    {
        var before = new CoverageSnapshot("18.1", new[]
        {
            new CoverageSnapshotTechnique("T1562.008", "Disable or Modify Cloud Logs", CoverageStatus.Direct, "Direct: r"),
            new CoverageSnapshotTechnique("T1078", "Valid Accounts", CoverageStatus.Direct, "Direct: x"),
        });
        var after = new CoverageSnapshot("19.2", new[]
        {
            new CoverageSnapshotTechnique("T1078", "Valid Accounts", CoverageStatus.Direct, "Direct: y"),
            new CoverageSnapshotTechnique("T1685.002", "Disable or Modify Cloud Log", CoverageStatus.CorrelationOnly, "CorrelationOnly: z"),
        });

        var diff = CoverageDiff.Compare(before, after);

        diff.Changes.Select(c => (c.TechniqueId, c.Kind)).Should().Equal(
            ("T1562.008", CoverageChangeKind.Removed), ("T1685.002", CoverageChangeKind.Added));
        diff.Changes[0].Reason.Should().Be("removed from scope (was Direct)");
        diff.Changes[0].After.Should().BeNull();
        diff.Changes[1].Reason.Should().Be("added to scope as CorrelationOnly: z");
        diff.ToString().Should().Be("2 changes (ATT&CK v18.1 -> v19.2): 0 upgraded, 0 downgraded, 1 added, 1 removed");
    }

    [Fact]
    public void ReadJson_ExporterOutput_RoundTripsStatusesAndReasons()
    {
        var report = Before();
        using var json = new MemoryStream();
        new JsonCoverageReportExporter().Write(report, json);
        json.Position = 0;

        var snapshot = CoverageSnapshot.ReadJson(json);

        snapshot.AttackVersion.Should().Be("19.2");
        snapshot.Techniques.Should().HaveCount(11);
        snapshot.Find("t1485")!.Status.Should().Be(CoverageStatus.NeedsLogging);
        snapshot.Find("T1098.003")!.Reason.Should().Be("Direct: 1 direct-detection rule over enabled sources (AuditLogs)");
        snapshot.Find("T1098.003")!.Name.Should().Be("Additional Cloud Roles");
        CoverageDiff.Compare(snapshot, CoverageSnapshot.From(report)).Changes.Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"attackVersion\":\"19.2\"}")]
    [InlineData("{\"techniques\":[{\"id\":\"T1078\",\"status\":\"Great\"}]}")]
    [InlineData("[1, 2")]
    public void ReadJson_NotACoverageReport_ThrowsFormatException(string text)
    {
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        var read = () => CoverageSnapshot.ReadJson(json);

        read.Should().Throw<FormatException>();
    }

    [Fact]
    public void Compare_DirectToCorrelationOnly_ReasonNamesTheStatusOnce()
    {
        const string after = "CorrelationOnly: 2 correlation-context or precondition rules over enabled sources (AzureActivity); no direct-detection rule";
        var before = new CoverageSnapshot("19.2", new[] { new CoverageSnapshotTechnique("T1651", "Cloud Administration Command", CoverageStatus.Direct, "Direct: 1 direct-detection rule over enabled sources (SecurityAlert)") });
        var later = new CoverageSnapshot("19.2", new[] { new CoverageSnapshotTechnique("T1651", "Cloud Administration Command", CoverageStatus.CorrelationOnly, after) });
        var added = new CoverageSnapshot("19.2", Array.Empty<CoverageSnapshotTechnique>());

        var change = CoverageDiff.Compare(before, later).Changes.Single();
        var entered = CoverageDiff.Compare(added, later).Changes.Single();

        change.Reason.Should().Be("Direct -> CorrelationOnly: 2 correlation-context or precondition rules over enabled sources (AzureActivity); no direct-detection rule");
        change.AfterReason.Should().Be(after, "the reason itself keeps its status");
        entered.Reason.Should().Be("added to scope as CorrelationOnly: 2 correlation-context or precondition rules over enabled sources (AzureActivity); no direct-detection rule");
    }
}
