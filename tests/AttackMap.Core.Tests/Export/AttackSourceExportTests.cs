using System.Text.Json;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Export;

/// <summary>The exporters carry the log sources ATT&amp;CK's analytics name, and the Navigator layer links to them and to the rules' sources.</summary>
public sealed class AttackSourceExportTests
{
    private const string AuditReference = "https://learn.microsoft.com/en-us/entra/identity/monitoring-health/reference-audit-activities";

    private static readonly MappingRule CredentialRule = new("audit.sp-credential", LogFamily.EntraAudit, new[] { "T1098.001" }, EvidenceKind.DirectDetection, "Credentials added to a service principal.")
    {
        References = new[] { AuditReference, "Sentinel rule: Service principal credentials added", AuditReference },
    };

    private static CoverageReport Report(LogSourceInventory sources) =>
        new CoverageCalculator().Calculate(AttackSourceCatalogs.WithSources(), new[] { CredentialRule }, sources);

    private static CoverageReport SignInsOff() => Report(LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn));

    [Fact]
    public void ToJson_UnmappedTechnique_HasItsAttackLogSourcesWithTables()
    {
        using var json = JsonDocument.Parse(new JsonCoverageReportExporter().ToJson(SignInsOff()));

        var techniques = json.RootElement.GetProperty("techniques").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        var cloud = techniques["T1078.004"];
        cloud.GetProperty("status").GetString().Should().Be("NeedsLogging");
        var source = cloud.GetProperty("attackLogSources").EnumerateArray().Single();
        source.EnumerateObject().Select(p => p.Name).Should().Equal(
            "name", "channel", "analytic", "detectionStrategy", "platform", "url", "attackVersion", "family", "tables", "enabledTables");
        source.GetProperty("name").GetString().Should().Be("azure:signinlogs");
        source.GetProperty("channel").GetString().Should().Be("Sign-in activity");
        source.GetProperty("analytic").GetString().Should().Be("AN1503");
        source.GetProperty("detectionStrategy").GetString().Should().Be("DET0546");
        source.GetProperty("url").GetString().Should().Be("https://attack.mitre.org/versions/v18/detectionstrategies/DET0546#AN1503");
        source.GetProperty("family").GetString().Should().Be("EntraSignIn");
        source.GetProperty("tables").EnumerateArray().Select(t => t.GetString()).Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs");
        source.GetProperty("enabledTables").GetArrayLength().Should().Be(0);
        techniques["T1685.002"].GetProperty("attackLogSources")[0].GetProperty("sourceTechniqueId").GetString().Should().Be("T1562.008");
        techniques["T1110"].GetProperty("attackLogSources")[1].GetProperty("viaSubTechnique").GetString().Should().Be("T1110.003");
        techniques["T1614"].GetProperty("attackLogSources")[0].GetProperty("family").ValueKind.Should().Be(JsonValueKind.Null);
        techniques["T1485"].GetProperty("attackLogSources").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void ToCsv_AttackLogSourcesColumn_ListsSourceAnalyticAndTable()
    {
        var lines = new CsvCoverageReportExporter().ToCsv(SignInsOff()).Split('\n');

        lines.Single(l => l.StartsWith("T1078.004,", StringComparison.Ordinal)).Should().EndWith(",,azure:signinlogs (AN1503) -> SigninLogs (not enabled),,", "no rule, so EnabledRuleIds and EnabledSourceTables are empty");
        lines.Single(l => l.StartsWith("T1651,", StringComparison.Ordinal)).Should().EndWith(
            ",,azure:activity (AN1502) -> AzureActivity; azure:vmguest (AN1502) -> a source AttackMap does not read,,");
    }

    [Fact]
    public void ToMarkdown_SignInsOff_EnableLoggingListsTheTechniquesThatBecomeVisible()
    {
        var markdown = new MarkdownCoverageReportExporter().ToMarkdown(SignInsOff());

        markdown.Should().Contain(
            "- **Enable `SigninLogs`** (Entra ID sign-ins): 4 techniques that no rule maps become visible (ATT&CK's analytics list this log; then write a rule): "
            + "T1078 Valid Accounts, T1078.004 Valid Accounts: Cloud Accounts, T1110 Brute Force, T1110.003 Brute Force: Password Spraying.")
            .And.Contain("| T1078.004 | Valid Accounts: Cloud Accounts | Needs logging | NeedsLogging: no rule maps it, and no table that would show it is enabled: "
                + "enable SigninLogs (ATT&CK analytic AN1503 lists azure:signinlogs), then write a rule | - |");
    }

    [Fact]
    public void ToMarkdown_AllEnabled_WriteRulesShowsWhereEachTechniqueIsVisibleFirst()
    {
        var lines = new MarkdownCoverageReportExporter().ToMarkdown(Report(LogSourceInventory.AllEnabled)).Split('\n');

        var table = lines.SkipWhile(l => l != "### Write rules").Skip(6).TakeWhile(l => l.StartsWith("| T1", StringComparison.Ordinal)).ToArray();
        table[0].Should().Be("| T1078 Valid Accounts | Initial Access, Persistence, Privilege Escalation, Stealth | IaaS, Identity Provider, SaaS, Office Suite | SigninLogs (AN1503) |");
        table.Should().Contain("| T1685 Disable or Modify Tools | Defense Impairment | IaaS | AuditLogs (AN0802) |")
            .And.Contain("| T1614 System Location Discovery | Impact | IaaS | - |");
        Array.IndexOf(table, "| T1614 System Location Discovery | Impact | IaaS | - |").Should().BeGreaterThan(Array.FindIndex(table, l => l.StartsWith("| T1685 ", StringComparison.Ordinal)),
            "techniques an enabled log already shows come first");
    }

    [Fact]
    public void ToJson_NavigatorLayer_HasAttackMetadataAndLinksAndStaysValid()
    {
        var report = SignInsOff();

        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(report));

        NavigatorLayerExporterTests.AssertValidLayer(layer.RootElement, report.Catalog);
        var entries = layer.RootElement.GetProperty("techniques").EnumerateArray().ToArray();
        var credential = entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1098.001");
        credential.GetProperty("metadata").EnumerateArray().Select(m => m.GetProperty("name").GetString() + "=" + m.GetProperty("value").GetString()).Should().Equal(
            "status=Direct", "rule=audit.sp-credential (DirectDetection, EntraAudit)", "source=AuditLogs", "ATT&CK log source=azure:audit (AN1469) -> AuditLogs");
        credential.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("label").GetString(), l.GetProperty("url").GetString())).Should().Equal(
            ("ATT&CK analytic AN1469 (DET0531, azure:audit)", "https://attack.mitre.org/versions/v18/detectionstrategies/DET0531#AN1469"),
            ("rule source (audit.sp-credential)", AuditReference));
        var cloud = entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1078.004");
        cloud.GetProperty("score").GetInt32().Should().Be(0, "no rule maps it and its log is off: not above NeedsRule");
        cloud.GetProperty("color").GetString().Should().Be("#a50026");
        using var signInsOn = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(Report(LogSourceInventory.AllEnabled)));
        var visible = signInsOn.RootElement.GetProperty("techniques").EnumerateArray().Single(e => e.GetProperty("techniqueID").GetString() == "T1078.004");
        visible.GetProperty("score").GetInt32().Should().Be(0);
        visible.GetProperty("color").GetString().Should().Be("#d73027");
        layer.RootElement.GetProperty("description").GetString().Should().Contain("NeedsRule 0, NeedsLogging with no rule 0");
        cloud.GetProperty("links").EnumerateArray().Single().GetProperty("url").GetString().Should().Be("https://attack.mitre.org/versions/v18/detectionstrategies/DET0546#AN1503");
        entries.Single(e => e.GetProperty("techniqueID").GetString() == "T1485").TryGetProperty("links", out _).Should().BeFalse("nothing to link");
    }

    [Fact]
    public void ToJson_NavigatorLayer_AnalyticLinksNameEverySourceAndTheSubTechnique()
    {
        using var layer = JsonDocument.Parse(new NavigatorLayerExporter().ToJson(Report(LogSourceInventory.AllEnabled)));

        var entries = layer.RootElement.GetProperty("techniques").EnumerateArray().ToDictionary(e => e.GetProperty("techniqueID").GetString()!);
        entries["T1651"].GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("label").GetString(), l.GetProperty("url").GetString())).Should().Equal(
            ("ATT&CK analytic AN1502 (DET0545, azure:activity, azure:vmguest)", "https://attack.mitre.org/versions/v18/detectionstrategies/DET0545#AN1502"));
        entries["T1110"].GetProperty("links").EnumerateArray().Select(l => l.GetProperty("label").GetString()).Should().Equal(
            "ATT&CK analytic AN1277 (DET0463, azure:signinlogs)", "ATT&CK analytic AN1339 (DET0487, azure:signinlogs, via T1110.003)");
    }
}
