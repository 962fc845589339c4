using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Tests.Coverage;

/// <summary>MITRE's log source labels that do not fit the channel are corrected: audit activities read AuditLogs, reads are not visible.</summary>
public sealed class AttackLogSourceCorrectionsTests
{
    private static readonly AttackCatalog Catalog = AttackCatalog.Default;

    private static TechniqueCoverage Coverage(string id, LogSourceInventory sources) =>
        new CoverageCalculator().Calculate(Catalog, Array.Empty<MappingRule>(), sources).GetCoverage(id);

    [Fact]
    public void Calculate_CertificateCredentialLabelledSignInsWithSignInsOff_NeedsRuleVisibleInAuditLogs()
    {
        var coverage = Coverage("T1649", LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn));

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.VisibleIn.Should().Equal("AuditLogs");
        coverage.Reason.Should().Be(
            "NeedsRule: no rule maps it; AuditLogs is enabled and ATT&CK analytic AN0674 lists azure:signinlogs (with non-Azure sources); label corrected: "
            + "channel 'Add certificate credential' (Update application – Certificates and secrets management) is an Entra ID audit activity: AuditLogs");
        var source = coverage.AttackLogSources.Single(s => s.Reference.AnalyticId == "AN0674");
        source.Family.Should().Be(LogFamily.EntraAudit);
        source.Tables.Should().Equal("AuditLogs");
    }

    [Theory]
    [InlineData("T1484", "AN0756")]
    [InlineData("T1484.002", "AN1260")]
    [InlineData("T1556.006", "AN0544")]
    [InlineData("T1556.009", "AN0088")]
    [InlineData("T1566.002", "AN0301")]
    public void Calculate_AuditActivityLabelledOtherwiseWithAuditOff_NeedsLoggingEnableAuditLogs(string techniqueId, string analyticId)
    {
        var coverage = Coverage(techniqueId, LogSourceInventory.AllEnabled.Without(LogFamily.EntraAudit));

        coverage.AttackLogSources.Single(s => s.Reference.AnalyticId == analyticId).Tables.Should().Equal("AuditLogs");
        coverage.AttackLogSources.Where(s => s.Reference.AnalyticId == analyticId).Should().OnlyContain(s => !s.IsEnabled);
        coverage.Reason.Should().Contain("label corrected: channel '").And.Contain("is an Entra ID audit activity: AuditLogs");
    }

    [Theory]
    [InlineData("T1049", "AN0908", "channel 'networkInsightsLogs' is Network Watcher data, not an Activity log operation: not visible")]
    [InlineData("T1654", "AN0708", "channel 'CollectGuestLogs' is log collection inside the VM, not an Activity log operation: not visible")]
    [InlineData("T1201", "AN0459", "channel 'Get*Password*Policy' reads a policy: reads are not Entra ID audit activities: not visible")]
    public void Calculate_ReadOperationWithEverythingOn_NeedsRuleNotVisible(string techniqueId, string analyticId, string correction)
    {
        var coverage = Coverage(techniqueId, LogSourceInventory.AllEnabled);

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.VisibleIn.Should().BeEmpty("MITRE's channel is not recorded in any table AttackMap reads");
        var source = coverage.AttackLogSources.Single(s => s.Reference.AnalyticId == analyticId);
        source.Correction.Should().Be(correction);
        source.Family.Should().BeNull();
        source.ToString().Should().EndWith("-> not visible in a table AttackMap reads");
        coverage.Reason.Should().Contain($"ATT&CK analytic {analyticId} lists azure:").And.EndWith("but " + correction);
    }

    [Fact]
    public void Calculate_AccountDiscoveryGraphReadInActivity_NotVisibleThereButSignInsStillShowIt()
    {
        var coverage = Coverage("T1087.004", LogSourceInventory.AllEnabled);

        coverage.AttackLogSources.Single(s => s.Reference.AnalyticId == "AN1088").Tables.Should().BeEmpty();
        coverage.VisibleIn.Should().NotContain("AzureActivity").And.Contain("SigninLogs");
        coverage.Reason.Should().Contain("; ATT&CK analytic AN1088 also lists azure:activity, but channel 'Microsoft.Graph/users/read' is a read: read operations are not written to the Activity log: not visible");
    }

    [Fact]
    public void ToMarkdown_ReadOperations_AreNotListedAsVisibleInAzureActivity()
    {
        var report = new CoverageCalculator().Calculate(Catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        var lines = new MarkdownCoverageReportExporter().ToMarkdown(report).Split('\n');

        lines.Where(l => l.StartsWith("| T1049 ", StringComparison.Ordinal) || l.StartsWith("| T1654 ", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(l => !l.Contains("AzureActivity", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrections_EachMatchesAReferenceOfTheEmbeddedCatalogs()
    {
        foreach (var version in new[] { "18.1", "19.2" })
        {
            var corrected = AttackCatalog.LoadEmbedded(version).GetTechniques()
                .SelectMany(t => t.AzureLogSources)
                .Where(r => AttackLogSourceCorrections.TryFind(r, out _, out _))
                .Select(r => r.AnalyticId)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(a => a, StringComparer.Ordinal);

            corrected.Should().Equal(
                new[] { "AN0088", "AN0301", "AN0459", "AN0544", "AN0674", "AN0708", "AN0756", "AN0815", "AN0908", "AN1088", "AN1128", "AN1157", "AN1260", "AN1616" }, version);
        }
    }

    [Fact]
    public void Load_OfficialAnalyticWithEndpointSources_IsFlaggedInTheEmbeddedCatalog()
    {
        var drive = AttackCatalog.LoadEmbedded("18.1").GetTechnique("T1189").AzureLogSources.Single(s => s.AnalyticId == "AN0501");
        var bruteForce = AttackCatalog.LoadEmbedded("18.1").GetTechnique("T1110").AzureLogSources.Single();

        drive.AlsoListsNonAzureSources.Should().BeTrue();
        bruteForce.AlsoListsNonAzureSources.Should().BeFalse();
    }

    [Fact]
    public void ToJson_CorrectedSource_CarriesCorrectionAndOtherSources()
    {
        var report = new CoverageCalculator().Calculate(Catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        using var json = System.Text.Json.JsonDocument.Parse(new JsonCoverageReportExporter().ToJson(report));

        var technique = json.RootElement.GetProperty("techniques").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1649");
        var source = technique.GetProperty("attackLogSources").EnumerateArray().Single(s => s.GetProperty("analytic").GetString() == "AN0674");
        source.GetProperty("family").GetString().Should().Be("EntraAudit");
        source.GetProperty("tables").EnumerateArray().Select(t => t.GetString()).Should().Equal("AuditLogs");
        source.GetProperty("otherSources").GetBoolean().Should().BeTrue();
        source.GetProperty("correction").GetString().Should().StartWith("channel 'Add certificate credential'");
        source.GetProperty("url").GetString().Should().Be("https://attack.mitre.org/versions/v18/detectionstrategies/DET0240#AN0674");
    }
}
