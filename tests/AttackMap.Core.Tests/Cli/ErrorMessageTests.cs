using AttackMap.Cli;

namespace AttackMap.Tests.Cli;

public sealed class ErrorMessageTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-errors-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Coverage_SourcesWithBadJson_ReportsOneBasedLineAndColumnWithoutRawPositions()
    {
        // The stray ',' is the third character of the third line.
        var path = Write("sources.json", "{\n  \"enabled\": [\n  ,]\n}\n");

        var (code, _, stderr) = Run("coverage", "--sources", path);

        code.Should().Be(1);
        stderr.Should().Contain($"--sources '{path}': The log source inventory is not valid JSON (line 3, column 3): ',' is an invalid start of a value.");
        stderr.Should().NotContain("LineNumber").And.NotContain("BytePositionInLine");
    }

    [Fact]
    public void CoverageDiff_NotJson_ReportsLineOneColumnOne()
    {
        var report = WriteReport();
        var bad = Write("after.json", "x");

        var (code, _, stderr) = Run("coverage", "diff", report, bad);

        code.Should().Be(1);
        stderr.Trim().Should().Be($"attackmap: '{bad}': not valid JSON (line 1, column 1): 'x' is an invalid start of a value.");
    }

    [Fact]
    public void CoverageDiff_NavigatorLayer_SaysItIsALayer()
    {
        var report = WriteReport();
        var layer = Path.Combine(_temp, "layer.json");
        Run("coverage", "--layer", layer).Code.Should().Be(0);

        var (code, _, stderr) = Run("coverage", "diff", report, layer);

        code.Should().Be(1);
        stderr.Should().Contain($"'{layer}': this is an ATT&CK Navigator layer, not a coverage report; pass a report written by 'attackmap coverage --json'.");
    }

    [Fact]
    public void CoverageDiff_CsvReport_SaysItIsACsvExport()
    {
        var report = WriteReport();
        var csv = Path.Combine(_temp, "coverage.csv");
        Run("coverage", "--csv", csv).Code.Should().Be(0);

        var (code, _, stderr) = Run("coverage", "diff", report, csv);

        code.Should().Be(1);
        stderr.Should().Contain($"'{csv}': this is a CSV export, not a coverage report");
    }

    [Fact]
    public void RulesValidate_SentinelYaml_IsAUsageErrorPointingToCoverage()
    {
        var path = Write("rule.yaml", "id: 00000000-0000-4000-8000-0000000000a1\nname: Example\nkind: Scheduled\nquery: |\n  AzureActivity\n");

        foreach (var verb in new[] { "validate", "list" })
        {
            var (code, stdout, stderr) = Run("rules", verb, path);

            code.Should().Be(2, verb);
            stdout.Should().BeEmpty(verb);
            stderr.Should().Contain($"'{path}' is a Microsoft Sentinel analytics rule in YAML, not an AttackMap rule pack (JSON): use 'attackmap coverage --rules <file or folder>'", verb);
        }
    }

    [Fact]
    public void RulesValidate_PackThatIsNotJson_GivesOneBasedPosition()
    {
        var path = Write("pack.json", "{\n  \"id\": \"x\",\n  \"rules\": [ nope ]\n}");

        var (code, stdout, _) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().Contain($"at {path} (line 3, column 15): The pack is not valid JSON:", "the first byte that cannot start a literal is the o of nope");
        stdout.Should().NotContain("LineNumber");
    }

    [Theory]
    [InlineData("coverage", "--layr", "'--layr'. Did you mean '--layer'? Run 'attackmap coverage --help' for the options.")]
    [InlineData("classify", "--formt", "'--formt'. Did you mean '--format'? Run 'attackmap classify --help' for the options.")]
    [InlineData("correlate", "--zzz", "'--zzz'. Run 'attackmap correlate --help' for the options.")]
    public void MistypedOption_NamesTheCommandAndTheClosestOption(string verb, string typed, string expected)
    {
        var (code, _, stderr) = Run(verb, typed, "x.json");

        code.Should().Be(2);
        stderr.Should().Contain("unknown option " + expected);
    }

    [Fact]
    public void Coverage_LayerUnderAFile_NamesTheOptionAndTheFile()
    {
        var blocker = Write("not-a-folder", "x");
        var layer = Path.Combine(blocker, "layer.json");

        var (code, _, stderr) = Run("coverage", "--layer", layer);

        code.Should().Be(1);
        stderr.Should().Contain($"--layer '{layer}': cannot write the Navigator layer: '{blocker}' is a file, not a folder.");
    }

    [Fact]
    public void RulesValidate_PackForAnOlderRelease_SaysHowToCheckOrMigrateIt()
    {
        var path = Write("old.json", """
            { "id": "lab.old", "version": "0.1.0", "attackVersion": "18.1",
              "rules": [ { "id": "r.old", "family": "AzureActivity", "match": { "values": ["Microsoft.Insights/diagnosticSettings/delete"] },
                "techniques": ["T1562.008"], "tactics": ["defense-evasion"], "rationale": "Deleting a diagnostic setting stops log export." } ] }
            """);

        var (code, stdout, stderr) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().Contain("The tactic 'defense-evasion' is not in ATT&CK v19.2. It is TA0005 (Defense Evasion) in v18.1, named 'stealth' (Stealth) here; check that the techniques still belong to it.");
        stderr.Should().Contain($"the pack says attackVersion 18.1: check it against that release with '--attack 18.1', or see what moved with 'attackmap rules migrate {path} --from 18.1'.");
        Run("rules", "validate", path, "--attack", "18.1").Code.Should().Be(0, "the pack is valid for the release it names");
    }

    [Fact]
    public void RulesValidate_PackForAReleaseThatIsNotEmbedded_GivesNoCommandThatCannotWork()
    {
        var path = Write("old17.json", """
            { "id": "lab.old", "version": "0.1.0", "attackVersion": "17.0",
              "rules": [ { "id": "r.old", "family": "AzureActivity", "match": { "values": ["Microsoft.Insights/diagnosticSettings/delete"] },
                "techniques": ["T1562"], "rationale": "Deleting a diagnostic setting stops log export." } ] }
            """);

        var (code, stdout, stderr) = Run("rules", "validate", path);

        code.Should().Be(1);
        stdout.Should().Contain("The technique T1562 (Impair Defenses) is revoked in ATT&CK v19.2; it was split into T1685, ").And.Contain(": map the one the rule detects.");
        stderr.Should().NotContain("--attack 17.0");
    }

    [Fact]
    public void RulesList_FolderOfSentinelRules_PointsToCoverage()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "identity"));
        Write(Path.Combine("identity", "rule.yaml"), "id: 00000000-0000-4000-8000-0000000000a1\nquery: AuditLogs\n");

        var (code, _, stderr) = Run("rules", "list", _temp);

        code.Should().Be(2);
        stderr.Should().Contain($"'{_temp}' is a folder; a rule pack is one JSON file (it holds no .json files directly); for a folder of Sentinel analytics rules use 'attackmap coverage --rules <folder>'.");
    }

    [Fact]
    public void RulesList_Folder_SaysPacksAreFilesAndListsThem()
    {
        Write("one.json", "{}");
        Write("two.json", "{}");

        var (code, _, stderr) = Run("rules", "list", _temp);

        code.Should().Be(2);
        stderr.Should().Contain($"'{_temp}' is a folder; a rule pack is one JSON file (JSON files in it: one.json, two.json).");
    }

    [Fact]
    public void Coverage_FailOnRevokedTechnique_NamesTheReplacement()
    {
        var (code, _, stderr) = Run("coverage", "--fail-on", "T1562.008:Direct");

        code.Should().Be(1);
        stderr.Should().Contain("T1562.008 Disable or Modify Cloud Logs: revoked in ATT&CK v19.2; gate on its replacement T1685.002 Disable or Modify Cloud Log instead (required: Direct)");
    }

    [Fact]
    public void Coverage_FailOnOutOfScopeTechnique_NamesItsPlatforms()
    {
        var (code, _, stderr) = Run("coverage", "--fail-on", "T1003:Direct");

        code.Should().Be(1);
        stderr.Should().Contain("T1003 OS Credential Dumping: outside the report's platform scope (its platforms: Linux, macOS, Windows; the report covers IaaS, Identity Provider, SaaS, Office Suite) (required: Direct)");
    }

    [Fact]
    public void Coverage_FailOnUnknownTechnique_IsAUsageError()
    {
        var (code, _, stderr) = Run("coverage", "--fail-on", "T9999:Direct");

        code.Should().Be(2);
        stderr.Should().Contain("--fail-on 'T9999:Direct': T9999 is not a technique of ATT&CK v19.2; check the id.");
    }

    [Fact]
    public void CoverageDiff_FailOnUnknownTechnique_IsAUsageError()
    {
        var report = WriteReport();

        var (code, _, stderr) = Run("coverage", "diff", report, report, "--fail-on", "T9999:Direct");

        code.Should().Be(2);
        stderr.Should().Contain("T9999 is not a technique of ATT&CK v19.2");
    }

    [Fact]
    public void Coverage_Header_NamesEnabledTablesOnce()
    {
        var (code, stdout, _) = Run("coverage");

        code.Should().Be(0);
        stdout.Should().Contain("mapping rules, enabled log tables: SecurityAlert, SigninLogs,").And.NotContain("enabled: ");
    }

    [Fact]
    public void RulesStale_NeverReviewed_IsCountedSeparatelyUnderAHeader()
    {
        var path = Write("pack.json", """
            { "id": "test.stale", "version": "0.1.0",
              "rules": [
                { "id": "r.never", "family": "AzureActivity", "match": { "values": ["a/write"] }, "techniques": ["T1098"], "rationale": "Never reviewed." },
                { "id": "r.old", "family": "AzureActivity", "match": { "values": ["b/write"] }, "techniques": ["T1098"], "rationale": "Old.", "lastReviewed": "2025-11-20" }
              ] }
            """);

        var (code, stdout, _) = Run("rules", "stale", "--as-of", "2026-12-03", path);

        code.Should().Be(0);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].Should().Be("id\tfamily\tlastReviewed\tage");
        lines.Should().Contain("r.never\tAzureActivity\t-\tnever reviewed").And.Contain("r.old\tAzureActivity\t2025-11-20\t378 days");
        lines[^1].Should().Be("2 of 2 rules due for review at 2026-12-03: 1 last reviewed more than 180 days before, 1 never reviewed.");
    }

    private string WriteReport()
    {
        var path = Path.Combine(_temp, "before.json");
        Run("coverage", "--json", path).Code.Should().Be(0);
        return path;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
