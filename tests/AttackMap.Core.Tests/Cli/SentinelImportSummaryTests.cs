using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

/// <summary>What <c>attackmap coverage</c> says on stderr about imported Sentinel rules, and <c>--strict</c> on import errors.</summary>
public sealed class SentinelImportSummaryTests : IDisposable
{
    private const string SplitRule = """
        id: 00000000-0000-4000-8000-0000000000e1
        name: Lab logging impaired
        description: Made-up rule for the import summary tests (contoso-lab.example).
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActivity
            dataTypes:
              - AzureActivity
        tactics:
          - DefenseEvasion
        relevantTechniques:
          - T1562
          - T9999
        query: |
          AzureActivity
          | where OperationNameValue =~ "MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE"
        kind: Scheduled
        """;

    private static readonly string SentinelFixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-cli-sentinel-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Coverage_RuleTaggedWithSplitAndUnknownIds_WarnsNamesTheRuleAndListsTheUnknownId()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.WriteAllText(Path.Combine(folder, "LabLoggingImpaired.yaml"), SplitRule);
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--no-builtin", "--sentinel-rules", folder, "--json", json);

        code.Should().Be(0, stderr);
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Contain($"attackmap coverage: imported 1 Sentinel analytics rule from {folder} (0 errors): it counts toward coverage (1 only as NeedsReview, through split techniques)")
            .And.Contain("  unknown technique T9999 in 'Lab logging impaired' (LabLoggingImpaired.yaml): listed under unresolved mappings in the JSON and Markdown reports");
        lines.Should().ContainSingle(l => l.StartsWith("  warning: 'Lab logging impaired' (LabLoggingImpaired.yaml): T1562 was split in ATT&CK 19.2 into T1685, ", StringComparison.Ordinal))
            .Which.Should().EndWith("; retag the rule with the successor(s) it detects. Counted as NeedsReview on each successor until then.");

        using var report = JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("unresolvedMappings").EnumerateArray().Select(e => e.GetString())
            .Should().Equal("sentinel:00000000-0000-4000-8000-0000000000e1: T9999");
    }

    [Fact]
    public void Coverage_DisabledRuleWithSplitAndUnknownIds_NamesThemWithoutPromisingCoverage()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.WriteAllText(Path.Combine(folder, "LabLoggingImpaired.json"), $$"""
            { "value": [ { "name": "00000000-0000-4000-8000-0000000000e2", "kind": "Scheduled",
              "properties": { "displayName": "Lab disabled", "enabled": false, "query": "AzureActivity | take 1", "techniques": [ "T1562", "t9999" ] } } ] }
            """);
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--no-builtin", "--sentinel-rules", folder, "--json", json);

        code.Should().Be(0, stderr);
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Contain($"attackmap coverage: imported 1 Sentinel analytics rule from {folder} (0 errors): it does not count toward coverage")
            .And.Contain("  not counted, disabled: 'Lab disabled' (LabLoggingImpaired.json)")
            .And.Contain("  unknown technique T9999 in 'Lab disabled' (LabLoggingImpaired.json)");
        lines.Should().ContainSingle(l => l.StartsWith("  warning: 'Lab disabled' (LabLoggingImpaired.json): T1562 was split", StringComparison.Ordinal))
            .Which.Should().EndWith("retag the rule with the successor(s) it detects.");
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("unresolvedMappings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Coverage_EveryRuleCounts_SaysAll()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        File.Copy(Path.Combine(SentinelFixtures, "LegacyTechniques.yaml"), Path.Combine(folder, "LegacyTechniques.yaml"));
        File.Copy(Path.Combine(SentinelFixtures, "Quirks.yaml"), Path.Combine(folder, "Quirks.yaml"));

        var (code, _, stderr) = Run("coverage", "--sentinel-rules", folder);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 2 Sentinel analytics rules from {folder} (0 errors): all 2 count toward coverage{Environment.NewLine}")
            .And.NotContain("not counted");
    }

    [Fact]
    public void Coverage_DisabledRule_IsNamedWithItsReason()
    {
        var export = Path.Combine(SentinelFixtures, "rest-export.json");

        var (code, _, stderr) = Run("coverage", "--sentinel-rules", export);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {export} (1 error): it does not count toward coverage")
            .And.Contain("  not counted, disabled: 'Lab risky sign-in then role assignment' (rest-export.json)");
    }

    [Fact]
    public void Coverage_StrictWithImportErrors_ListsThemAndExitsOne()
    {
        var (code, _, stderr) = Run("coverage", "--sentinel-rules", SentinelFixtures, "--strict");

        code.Should().Be(1);
        stderr.Should().Contain("sentinel rule not imported: broken.yaml(7,2): invalid YAML:")
            .And.Contain("sentinel rule not imported: rest-export.json value[1]: the Scheduled rule has no 'properties.query'")
            .And.Contain("--strict: 2 Sentinel rule import errors (listed above).");
    }

    [Fact]
    public void Coverage_WithoutStrict_ImportErrorsDoNotFailTheRun()
    {
        var (code, _, stderr) = Run("coverage", "--sentinel-rules", SentinelFixtures);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 3 Sentinel analytics rules from {SentinelFixtures} (2 errors): 2 count toward coverage, 1 does not");
    }

    [Fact]
    public void Coverage_DeployedRuleWithoutTechniques_CountsWithItsTemplateTechniquesAndSaysSo()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp, "rules")).FullName;
        var templateId = "00000000-0000-4000-8000-0000000000f1";
        File.WriteAllText(Path.Combine(folder, "LabTemplate.yaml"), Sentinel.SentinelTemplateTechniquesTests.Template(templateId, "Lab MFA turned off", "T1098"));
        Directory.CreateDirectory(Path.Combine(folder, "arm"));
        File.WriteAllText(Path.Combine(folder, "arm", "Lab deployed.json"), Sentinel.SentinelTemplateTechniquesTests.Deployed("00000000-0000-4000-8000-0000000000f2", "Lab deployed", templateId));
        File.WriteAllText(Path.Combine(folder, "arm", "Lab orphan.json"), Sentinel.SentinelTemplateTechniquesTests.Deployed("00000000-0000-4000-8000-0000000000f3", "Lab orphan", "00000000-0000-4000-8000-0000000000f9"));

        var (code, _, stderr) = Run("coverage", "--no-builtin", "--rules", folder);

        code.Should().Be(0, stderr);
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().ContainInOrder(
            $"attackmap coverage: imported 3 Sentinel analytics rules from {folder} (0 errors): 2 count toward coverage, 1 does not",
            "  not counted, no technique: 'Lab orphan' (arm/Lab orphan.json)",
            "  techniques from template: 'Lab deployed' (arm/Lab deployed.json) <- LabTemplate.yaml");
    }

    [Fact]
    public void Coverage_TemplateAndDeployedRuleGivenAsSeparateRulesPaths_StillMatch()
    {
        var templates = Directory.CreateDirectory(Path.Combine(_temp, "templates")).FullName;
        var templateId = "00000000-0000-4000-8000-0000000000f4";
        File.WriteAllText(Path.Combine(templates, "LabTemplate.yaml"), Sentinel.SentinelTemplateTechniquesTests.Template(templateId, "Lab MFA turned off", "T1098"));
        var export = Path.Combine(_temp, "exported.json");
        File.WriteAllText(export, Sentinel.SentinelTemplateTechniquesTests.Deployed("00000000-0000-4000-8000-0000000000f5", "Lab deployed", templateId));

        var (code, _, stderr) = Run("coverage", "--no-builtin", "--rules", templates, "--rules", export);

        code.Should().Be(0, stderr);
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().ContainInOrder(
            $"attackmap coverage: imported 1 Sentinel analytics rule from {templates} (0 errors): it counts toward coverage",
            $"attackmap coverage: imported 1 Sentinel analytics rule from {export} (0 errors): it counts toward coverage",
            "  techniques from template: 'Lab deployed' (exported.json) <- LabTemplate.yaml");
    }

    [SharedDataFact]
    public void Coverage_SharedSentinelRules_SaysWhichFourGiveNoCoverageAndWhichTakeTemplateTechniques()
    {
        var folder = SharedData.PathOf("sentinel-rules");

        var (code, _, stderr) = Run("coverage", "--sentinel-rules", folder);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 34 Sentinel analytics rules from {folder} (0 errors): 30 count toward coverage, 4 do not");
        var lines = stderr.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var noTechnique = lines.Should().ContainSingle(l => l.StartsWith("  not counted, no technique: ", StringComparison.Ordinal)).Subject;
        noTechnique.Split("; ").Should().HaveCount(4);
        noTechnique.Should().Contain("'Modified domain federation trust settings' (ADFSDomainTrustMods.yaml)")
            .And.NotContain("arm/");
        lines.Should().Contain(
            "  techniques from template: 'Creation of expensive computes in Azure' (arm/Creation of expensive computes in Azure.json) <- Creation_of_Expensive_Computes_in_Azure.yaml; " +
            "'MFA disabled for a user' (arm/MFA disabled for a user.json) <- MFADisable.yaml");
        stderr.Should().NotContain("unknown technique").And.NotContain("warning:");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
