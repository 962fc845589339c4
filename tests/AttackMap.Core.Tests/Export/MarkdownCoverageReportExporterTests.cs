using System.Text;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

public sealed class MarkdownCoverageReportExporterTests
{
    private readonly string _markdown = new MarkdownCoverageReportExporter().ToMarkdown(CoverageTestReports.Mixed());

    [Fact]
    public void ToMarkdown_KnownTechnique_HasItsRowUnderEachTactic()
    {
        const string row = "| T1098.003 | Account Manipulation: Additional Cloud Roles | Direct | Direct: 1 direct-detection rule over enabled sources (AuditLogs) | `audit.add-member-to-role` |";

        Lines().Count(l => l == row).Should().Be(2, "T1098.003 is in Persistence and Privilege Escalation");
        _markdown.Should().Contain("| T1485 | Data Destruction | Needs logging | NeedsLogging: mapped by 1 rule but its log source is not enabled: enable SecurityAlert | `defender.mass-delete` |");
    }

    [Fact]
    public void ToMarkdown_Summary_CountsEveryStatusOnce()
    {
        Lines().Should().ContainInOrder(
            "| Direct | 6 | 54.5% | A direct-detection rule over an enabled log source raises evidence on its own. |",
            "| Correlation only | 2 | 18.2% | Only correlation-context or precondition rules: a finding needs a second signal. |",
            "| Needs review | 1 | 9.1% | Only needs-review rules: every hit needs an analyst's decision. |",
            "| Needs logging | 1 | 9.1% | Rules exist but none of their log families is enabled, or no rule maps it and no table that would show ATT&CK's log sources for it is enabled. |",
            "| Needs rule | 1 | 9.1% | No rule maps the technique (an enabled log may already show it: see the reason). |",
            "| **Total** | **11** | 100% | |");
    }

    [Fact]
    public void ToMarkdown_TacticTable_IsInMatrixOrder()
    {
        var tacticRows = Lines().Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("(TA0", StringComparison.Ordinal)).ToArray();

        tacticRows.Select(r => r.Split('|')[1].Trim()).Should().Equal(
            "Initial Access (TA0001)", "Persistence (TA0003)", "Privilege Escalation (TA0004)", "Stealth (TA0005)",
            "Defense Impairment (TA0112)", "Credential Access (TA0006)", "Impact (TA0040)");
        tacticRows[5].Should().Be("| Credential Access (TA0006) | 3 | 2 | 0 | 1 | 0 | 0 | 66.7% |");
    }

    [Fact]
    public void ToMarkdown_WhatToDoNext_NamesTheTableToEnableAndTheTechniquesWithoutRule()
    {
        Lines().Should().ContainInOrder(
            "## What to do next",
            "### Enable logging",
            "- **Enable `SecurityAlert`** (Defender for Cloud alerts): 1 technique that needs logging gets coverage: T1485 Data Destruction.",
            "- Entra ID sign-ins are collected, but not from `AADNonInteractiveUserSignInLogs`: activity recorded only there is not seen.",
            "### Write rules",
            "| T1098.001 Account Manipulation: Additional Cloud Credentials | Persistence, Privilege Escalation | IaaS, Identity Provider, SaaS | - |",
            "### Review",
            "- T1621 Multi-Factor Authentication Request Generation: `risk.mfa-fraud`");
    }

    [Fact]
    public void ToMarkdown_StrongerRuleWaitsForLogs_IsSuggested()
    {
        var rules = new[]
        {
            CoverageTestCatalogs.Rule("activity.diag-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1685.002"),
            CoverageTestCatalogs.Rule("defender.diag-tamper", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1685.002"),
        };
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), rules, LogSourceInventory.AllEnabled.Without(LogFamily.DefenderForCloud));

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain("- **Enable `SecurityAlert`** (Defender for Cloud alerts): 2 techniques get a stronger rule: T1685 Disable or Modify Tools, T1685.002 Disable or Modify Tools: Disable or Modify Cloud Log.");
    }

    [Fact]
    public void ToMarkdown_Review_ListsOnlyTheNeedsReviewRulesOverEnabledLogs()
    {
        var rules = new[]
        {
            CoverageTestCatalogs.Rule("risk.review-me", LogFamily.EntraRiskDetection, EvidenceKind.NeedsReview, "T1621"),
            CoverageTestCatalogs.Rule("audit.direct-but-off", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1621"),
            CoverageTestCatalogs.Rule("audit.review-but-off", LogFamily.EntraAudit, EvidenceKind.NeedsReview, "T1621"),
        };
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), rules, LogSourceInventory.FromTables(new[] { "AADUserRiskEvents" }));
        report.GetCoverage("T1621").Status.Should().Be(CoverageStatus.NeedsReview);

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain("- T1621 Multi-Factor Authentication Request Generation: `risk.review-me`\n");
    }

    [Fact]
    public void ToMarkdown_LongCatalogProvenance_IsMovedToTheEndOfTheReport()
    {
        var catalog = AttackMap.Attack.AttackCatalog.Default;
        catalog.Provenance.Length.Should().BeGreaterThan(160, "the embedded v19.2 catalog explains how it was derived");
        var report = new CoverageCalculator().Calculate(catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain("- **ATT&CK**: Enterprise v19.2 (where the catalog comes from: see the end of this report)\n")
            .And.EndWith($"## About the ATT&CK catalog\n\n{catalog.Provenance}\n\n");
        markdown.Split(catalog.Provenance).Should().HaveCount(2, "the provenance is written once");
    }

    [Fact]
    public void ToMarkdown_PipeInRuleId_IsEscapedInTheCell()
    {
        var rule = CoverageTestCatalogs.Rule("audit|odd", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1485");
        var report = new CoverageCalculator().Calculate(CoverageTestCatalogs.Small(), new[] { rule }, LogSourceInventory.AllEnabled);

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain("`audit\\|odd`");
    }

    [Fact]
    public void ToMarkdown_WithoutTechniqueTables_StopsAfterNextSteps()
    {
        var markdown = new MarkdownCoverageReportExporter(new MarkdownCoverageReportOptions { IncludeTechniqueTables = false, Title = "Contoso lab" })
            .ToMarkdown(CoverageTestReports.Mixed());

        markdown.Should().StartWith("# Contoso lab\n").And.NotContain("## Techniques by tactic");
    }

    [Fact]
    public async Task WriteAsync_SameBytesAsWriteAndUnixNewlines()
    {
        var exporter = new MarkdownCoverageReportExporter();
        using var sync = new MemoryStream();
        using var async = new MemoryStream();

        exporter.Write(CoverageTestReports.Mixed(), sync);
        await exporter.WriteAsync(CoverageTestReports.Mixed(), async);

        async.ToArray().Should().Equal(sync.ToArray());
        Encoding.UTF8.GetString(sync.ToArray()).Should().NotContain("\r").And.Be(_markdown);
        sync.ToArray().Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark");
    }

    [Fact]
    public void ToMarkdown_ObservedEvidence_AddsAnObservedColumn()
    {
        var catalog = CoverageTestCatalogs.Small();
        var rule = CoverageTestCatalogs.Rule("audit.add-member-to-role", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1098.003");
        var observed = new[] { CoverageTestCatalogs.Observed(catalog, rule, "T1098.003") };
        var report = new CoverageCalculator().Calculate(catalog, new[] { rule }, LogSourceInventory.AllEnabled, observed);

        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(report);

        markdown.Should().Contain("| ID | Technique | Status | Reason | Rules | Observed |")
            .And.Contain("| T1098.003 | Account Manipulation: Additional Cloud Roles | Direct | Direct: 1 direct-detection rule over enabled sources (AuditLogs) | `audit.add-member-to-role` | 1 |")
            .And.Contain("| T1485 | Data Destruction | Needs rule | NeedsRule: no rule maps it | - | 0 |");
    }

    private string[] Lines() => _markdown.Split('\n');
}
