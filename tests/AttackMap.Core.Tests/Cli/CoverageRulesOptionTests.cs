using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

/// <summary><c>attackmap coverage --rules</c> (rule packs and Sentinel rules, told apart by content) and <c>--logs</c>.</summary>
public sealed class CoverageRulesOptionTests : IDisposable
{
    private static readonly string SentinelFixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");
    private static readonly string[] OutputNames = { "layer.json", "coverage.md", "coverage.json", "coverage.csv" };
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-cli-rules-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Coverage_RulesSentinelFolder_SameBytesAsSentinelRules()
    {
        var rules = RunWithOutputs("a", "--rules", SentinelFixtures);
        var sentinel = RunWithOutputs("b", "--sentinel-rules", SentinelFixtures);

        rules.Code.Should().Be(0, rules.Stderr);
        sentinel.Code.Should().Be(0, sentinel.Stderr);
        rules.Stderr.Should().Contain($"imported 3 Sentinel analytics rules from {SentinelFixtures} (2 errors)").And.Be(sentinel.Stderr);
        rules.Stdout.Replace(Path.Combine(_temp, "a"), "OUT", StringComparison.Ordinal)
            .Should().Be(sentinel.Stdout.Replace(Path.Combine(_temp, "b"), "OUT", StringComparison.Ordinal));
        AssertSameOutputs();
        File.ReadAllText(Path.Combine(_temp, "a", "coverage.json")).Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1");
    }

    [Fact]
    public void Coverage_RulesRulePack_LoadsThePackAsBefore()
    {
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--rules", WritePack(), "--json", json);

        code.Should().Be(0, stderr);
        stderr.Should().NotContain("Sentinel");
        RuleIdsOf(json, "T1485").Should().Contain("contoso.widgets-deleted");
    }

    [Fact]
    public void Coverage_RulesPackAndSentinelFileAndFolderMixed_CountsAll()
    {
        var folder = Path.Combine(_temp, "rules");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(SentinelFixtures, "LegacyTechniques.yaml"), Path.Combine(folder, "LegacyTechniques.yaml"));
        var quirks = Path.Combine(SentinelFixtures, "Quirks.yaml");
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--rules", folder, "--rules", WritePack(), "--rules", quirks, "--json", json);

        code.Should().Be(0, stderr);
        var fromFolder = $"imported 1 Sentinel analytics rule from {folder} (0 errors)";
        var fromFile = $"imported 1 Sentinel analytics rule from {quirks} (0 errors)";
        stderr.Should().Contain(fromFolder).And.Contain(fromFile);
        stderr.IndexOf(fromFolder, StringComparison.Ordinal).Should().BeLessThan(stderr.IndexOf(fromFile, StringComparison.Ordinal));
        RuleIdsOf(json, "T1485").Should().Contain("contoso.widgets-deleted");
        RuleIdsOf(json, "T1078.004").Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1")
            .And.Contain("sentinel:00000000-0000-4000-8000-0000000000a3:EntraAudit");
    }

    [Fact]
    public void Coverage_RulesPackWithSentinelRulesAlias_CountsBoth()
    {
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--sentinel-rules", SentinelFixtures, "--rules", WritePack(), "--json", json);

        code.Should().Be(0, stderr);
        RuleIdsOf(json, "T1485").Should().Contain("contoso.widgets-deleted");
        RuleIdsOf(json, "T1078.004").Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1");
    }

    [Fact]
    public void Coverage_SameSentinelFolderThroughBothOptions_IsImportedOnce()
    {
        var (code, _, stderr) = Run("coverage", "--rules", SentinelFixtures, "--sentinel-rules", SentinelFixtures);

        code.Should().Be(0, stderr);
        stderr.Split("imported 3 Sentinel analytics rules").Should().HaveCount(2);
    }

    [Fact]
    public void Coverage_RulesRestExportJson_IsImportedAsSentinelRules()
    {
        var export = Path.Combine(SentinelFixtures, "rest-export.json");

        var (code, _, stderr) = Run("coverage", "--rules", export);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {export} (1 error)");
    }

    [Fact]
    public void Coverage_RulesYamlRuleWithOtherExtension_IsRecognisedByItsQuery()
    {
        var rule = Path.Combine(_temp, "rule.txt");
        File.Copy(Path.Combine(SentinelFixtures, "LegacyTechniques.yaml"), rule);

        var (code, _, stderr) = Run("coverage", "--rules", rule);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {rule} (0 errors)");
    }

    [Theory]
    [InlineData("notes.md", "# Notes\nnot rules\n", "neither JSON nor a YAML analytics rule")]
    [InlineData("correlations.json", """{ "id": "c", "version": "1", "correlations": [] }""", "no 'rules' array")]
    [InlineData("alerts.json", """{ "value": [ { "name": "a1", "properties": { "alertDisplayName": "x" } } ] }""", "no 'rules' array")]
    [InlineData("records.jsonl", "{\"a\":1}\n{\"a\":2}\n", "not a single JSON document")]
    public void Coverage_RulesUnrecognisedFile_ExitsWith2NamingTheFile(string name, string content, string why)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);

        var (code, stdout, stderr) = Run("coverage", "--rules", path);

        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain($"--rules '{path}' is not a rule pack nor Microsoft Sentinel analytics rules").And.Contain(why);
    }

    [Fact]
    public void Coverage_RulesPathThatDoesNotExist_ExitsWith2()
    {
        var missing = Path.Combine(_temp, "missing");

        var (code, _, stderr) = Run("coverage", "--rules", missing);

        code.Should().Be(2);
        stderr.Should().Contain($"--rules '{missing}' is neither a file nor a folder.");
    }

    [Fact]
    public void Coverage_RulesBrokenJson_GoesToThePackReaderWithItsLine()
    {
        var pack = Path.Combine(_temp, "broken.json");
        File.WriteAllText(pack, "{ \"id\": \"x\",\n  \"rules\": [ }");

        var (code, _, stderr) = Run("coverage", "--rules", pack);

        code.Should().Be(1);
        stderr.Should().Contain("broken.json").And.Contain("line 2");
    }

    [Fact]
    public void Classify_RulesSentinelExport_StillMeansARulePack()
    {
        var (code, _, stderr) = Run("classify", BundledSamples.Folder, "--rules", Path.Combine(SentinelFixtures, "rest-export.json"));

        code.Should().Be(1);
        stderr.Should().Contain("Rule pack").And.Contain("rest-export.json");
    }

    [Fact]
    public void Coverage_LogsOption_SameBytesAsPositionalPaths()
    {
        var logs = RunWithOutputs("a", "--logs", BundledSamples.Folder);
        var positional = RunWithOutputs("b", BundledSamples.Folder);

        logs.Code.Should().Be(0, logs.Stderr);
        logs.Stderr.Should().NotBeEmpty().And.Be(positional.Stderr);
        AssertSameOutputs();
    }

    [Fact]
    public void Coverage_LogsSeveralPathsAndPositional_ReadsTheUnionOnceInOrder()
    {
        var activity = BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl");
        var alerts = BundledSamples.PathOf("defender-alerts/arm-security-alerts.json");
        var signIns = BundledSamples.PathOf("entra-signins/diagnostic-signinlogs.jsonl");
        var mixed = Path.Combine(_temp, "mixed.json");
        var listed = Path.Combine(_temp, "listed.json");

        var (code, _, stderr) = Run("coverage", activity, "--logs", alerts, signIns, activity, "--summary-json", mixed);
        var (listedCode, _, listedErr) = Run("coverage", activity, alerts, signIns, "--summary-json", listed);

        code.Should().Be(0, stderr);
        listedCode.Should().Be(0, listedErr);
        File.ReadAllText(mixed).Should().Be(File.ReadAllText(listed));
        using var summary = JsonDocument.Parse(File.ReadAllText(mixed));
        summary.RootElement.GetProperty("perFile").EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("file").GetString()))
            .Should().Equal("diagnostic-activity.jsonl", "arm-security-alerts.json", "diagnostic-signinlogs.jsonl");
    }

    [Fact]
    public void Coverage_LogsPathThatDoesNotExist_ExitsWith2()
    {
        var missing = Path.Combine(_temp, "nope.jsonl");

        var (code, _, stderr) = Run("coverage", "--logs", missing);

        code.Should().Be(2);
        stderr.Should().Contain(missing);
    }

    [SharedDataFact]
    public void Coverage_RulesSharedSentinelFolder_SameBytesAsSentinelRules()
    {
        var folder = SharedData.PathOf("sentinel-rules");

        var rules = RunWithOutputs("a", "--rules", folder);
        var sentinel = RunWithOutputs("b", "--sentinel-rules", folder);

        rules.Code.Should().Be(0, rules.Stderr);
        rules.Stderr.Should().Contain($"Sentinel analytics rules from {folder}").And.Be(sentinel.Stderr);
        AssertSameOutputs();
        File.ReadAllText(Path.Combine(_temp, "a", "coverage.md")).Should().NotContain(folder);
        RuleIdsOf(Path.Combine(_temp, "a", "coverage.json"), "T1110").Should().Contain("sentinel:48607a29-a26a-4abf-8078-a06dbdd174a4");
    }

    [SharedDataFact]
    public void Coverage_RulesSharedArmTemplate_IsImportedAsSentinelRules()
    {
        var template = SharedData.PathOf("sentinel-rules/arm/MFA disabled for a user.json");

        var (code, _, stderr) = Run("coverage", "--rules", template);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {template} (0 errors)");
    }

    private static IReadOnlyList<string> RuleIdsOf(string jsonReport, string techniqueId)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonReport));
        var technique = json.RootElement.GetProperty("techniques").EnumerateArray().Single(t => t.GetProperty("id").GetString() == techniqueId);
        return technique.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private (int Code, string Stdout, string Stderr) RunWithOutputs(string folder, params string[] args)
    {
        var output = Path.Combine(_temp, folder);
        var outputs = new[]
        {
            "--layer", Path.Combine(output, "layer.json"), "--report", Path.Combine(output, "coverage.md"),
            "--json", Path.Combine(output, "coverage.json"), "--csv", Path.Combine(output, "coverage.csv"),
        };
        return Run(args.Prepend("coverage").Concat(outputs).ToArray());
    }

    private void AssertSameOutputs()
    {
        foreach (var name in OutputNames)
        {
            File.ReadAllBytes(Path.Combine(_temp, "a", name)).Should().Equal(File.ReadAllBytes(Path.Combine(_temp, "b", name)), name);
        }
    }

    private string WritePack()
    {
        var pack = Path.Combine(_temp, "contoso-pack.json");
        File.WriteAllText(pack, """
            { "id": "contoso", "version": "1.0.0", "attackVersion": "19.2", "rules": [
              { "id": "contoso.widgets-deleted", "family": "AzureActivity", "match": { "values": ["Contoso.Lab/widgets/delete"] },
                "techniques": ["T1485"], "kind": "DirectDetection", "kindReason": "Deleting the widget destroys its data.",
                "rationale": "Deleting lab widgets destroys data.", "lastReviewed": "2026-11-30" } ] }
            """);
        return pack;
    }
}
