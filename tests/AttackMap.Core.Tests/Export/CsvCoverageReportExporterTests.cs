using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class CsvCoverageReportExporterTests
{
    [Fact]
    public void ToCsv_MixedReport_HasHeaderAndOneRowPerInScopeTechnique()
    {
        var lines = new CsvCoverageReportExporter().ToCsv(CoverageTestReports.Mixed()).Split('\n');

        lines[0].Should().Be("TechniqueId,Name,Status,Tactics,Reason,RuleIds,SourceTables,ObservedCount,AttackLogSources,EnabledRuleIds,EnabledSourceTables");
        lines.Should().HaveCount(13, "a header, 11 in-scope techniques and the empty piece after the last \\n");
        lines[^1].Should().BeEmpty();
        lines[3].Should().Be("T1098,Account Manipulation,Direct,persistence; privilege-escalation,"
            + "Direct: 1 direct-detection rule over enabled sources (AuditLogs) via T1098.003,audit.add-member-to-role,AuditLogs,,,audit.add-member-to-role,AuditLogs");
        lines[4].Should().Be("T1098.001,Account Manipulation: Additional Cloud Credentials,NeedsRule,persistence; privilege-escalation,NeedsRule: no rule maps it,,,,,,");
        lines[8].Should().Be("T1485,Data Destruction,NeedsLogging,impact,NeedsLogging: mapped by 1 rule but its log source is not enabled: enable SecurityAlert,"
            + "defender.mass-delete,SecurityAlert,,,,", "SecurityAlert is off: the rule stays in RuleIds, not in EnabledRuleIds");
    }

    [Fact]
    public void ToCsv_ObservedEvidence_FillsObservedCount()
    {
        var catalog = CoverageTestCatalogs.Small();
        var rules = CoverageTestReports.Rules();
        var observed = new[]
        {
            CoverageTestCatalogs.Observed(catalog, rules[0], "T1110.003"),
            CoverageTestCatalogs.Observed(catalog, rules[0], "T1110.003"),
        };
        var report = new CoverageCalculator().Calculate(catalog, rules, CoverageTestReports.Sources(), observed);

        var lines = new CsvCoverageReportExporter().ToCsv(report).Split('\n');

        lines.Single(l => l.StartsWith("T1110.003,", StringComparison.Ordinal)).Should().EndWith(",signin.password-spray,SigninLogs,2,,signin.password-spray,SigninLogs");
        lines.Single(l => l.StartsWith("T1098.001,", StringComparison.Ordinal)).Should().EndWith(",,,0,,,");
    }

    [Fact]
    public async Task WriteAsync_TwoRuns_AreByteIdenticalWithoutBom()
    {
        var exporter = new CsvCoverageReportExporter();
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        await exporter.WriteAsync(CoverageTestReports.Mixed(), first);
        exporter.Write(CoverageTestReports.Mixed(), second);

        first.ToArray().Should().Equal(second.ToArray());
        first.ToArray()[0].Should().Be((byte)'T', "no byte order mark");
        first.ToArray().Should().NotContain((byte)'\r');
    }

    [Fact]
    public void ToCsv_ReasonWithCommaAndQuote_IsQuotedPerRfc4180()
    {
        var catalog = new AttackCatalog(
            "19.2",
            new[] { new Tactic("TA0006", "credential-access", "Credential Access", 1) },
            new[] { new Technique { Id = "T1110", Name = "Brute, \"Force\"", Tactics = new[] { "credential-access" }, Platforms = new[] { "IaaS" } } },
            "hand-made");
        var report = new CoverageCalculator().Calculate(catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        var csv = new CsvCoverageReportExporter().ToCsv(report);

        csv.Should().Be(
            "TechniqueId,Name,Status,Tactics,Reason,RuleIds,SourceTables,ObservedCount,AttackLogSources,EnabledRuleIds,EnabledSourceTables\n"
            + "T1110,\"Brute, \"\"Force\"\"\",NeedsRule,credential-access,NeedsRule: no rule maps it,,,,,,\n");
    }

    [Fact]
    public void ToCsv_BuiltInPackWithRiskEventsOff_EnabledColumnsDropRiskRulesAndTable()
    {
        var sources = LogSourceInventory.FromTables(new[] { "SecurityAlert", "SigninLogs", "AuditLogs", "AzureActivity" });
        var report = new CoverageCalculator().Calculate(AttackCatalog.Default, RulePack.BuiltIn.Rules, sources);

        var rows = CsvText.Rows(new CsvCoverageReportExporter().ToCsv(report));
        var header = rows[0];
        var t1078 = rows.Single(r => r[0] == "T1078");
        var ruleIds = Field(header, t1078, "RuleIds").Split("; ");
        var enabledRuleIds = Field(header, t1078, "EnabledRuleIds").Split("; ");

        header[^2..].Should().Equal("EnabledRuleIds", "EnabledSourceTables");
        ruleIds.Should().Contain("risk.leaked-credentials-user");
        enabledRuleIds.Should().NotContain(id => id.StartsWith("risk.", StringComparison.Ordinal))
            .And.Contain("signin.high-risk-success")
            .And.BeSubsetOf(ruleIds);
        enabledRuleIds.Should().HaveCount(report.GetCoverage("T1078").Rules.Count(r => r.IsSourceEnabled));
        Field(header, t1078, "SourceTables").Should().Be("SecurityAlert; SigninLogs; AADUserRiskEvents; AuditLogs");
        Field(header, t1078, "EnabledSourceTables").Should().Be("SecurityAlert; SigninLogs; AuditLogs");
    }

    private static string Field(string[] header, string[] row, string column) => row[Array.IndexOf(header, column)];
}
