using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

/// <summary>Every log file and every Sentinel rule file is read once, however often and however spelt it is named.</summary>
public sealed class InputDeduplicationTests : IDisposable
{
    private static readonly string SentinelFixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");
    private static readonly string Samples = BundledSamples.Folder;
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-cli-dedupe-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("coverage")]
    [InlineData("classify")]
    [InlineData("correlate")]
    public void Command_FolderAgainWithTrailingSeparator_ReadsEachFileOnce(string command)
    {
        var once = Summary(command, "once", Samples);
        var twice = Summary(command, "twice", Samples, Samples + Path.DirectorySeparatorChar);

        Read(once).Should().Be(67);
        Files(once).Should().HaveCount(14);
        twice.Should().Be(once);
    }

    [Theory]
    [InlineData("coverage")]
    [InlineData("classify")]
    [InlineData("correlate")]
    public void Command_FolderAndOneOfItsSubfolders_ReadsEachFileOnceInFirstOrder(string command)
    {
        var once = Summary(command, "once", Samples);
        var both = Summary(command, "both", Samples, Path.Combine(Samples, "entra-audit"));
        var subfolderFirst = Summary(command, "first", Path.Combine(Samples, "entra-audit"), Samples);

        both.Should().Be(once);
        Read(subfolderFirst).Should().Be(67);
        Files(subfolderFirst).Should().HaveCount(14);
        Files(subfolderFirst).Take(2).Should().OnlyContain(f => f.Contains("entra-audit", StringComparison.Ordinal));
        Files(subfolderFirst).Skip(2).Should().NotContain(f => f.Contains("entra-audit", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_PositionalFolderAndLogsWithTrailingSeparator_ReadsSixtySevenRecords()
    {
        var summary = Path.Combine(_temp, "summary.json");

        var (code, _, stderr) = Run("coverage", Samples, "--logs", Samples + "/", "--summary-json", summary);

        code.Should().Be(0, stderr);
        Read(File.ReadAllText(summary)).Should().Be(67);
        stderr.Should().Contain("14 files, read 67 records");
    }

    [Fact]
    public void Classify_FileNamedTwoWays_IsReadOnce()
    {
        var file = Path.Combine(Samples, "entra-audit", "..", "azure-activity", "diagnostic-activity.jsonl");

        var json = Summary("classify", "a", file, Path.Combine(Samples, "azure-activity", "diagnostic-activity.jsonl"));

        Read(json).Should().Be(12);
        Files(json).Should().ContainSingle();
    }

    [Fact]
    public void Coverage_SentinelFolderAgainWithTrailingSeparator_ImportsItOnce()
    {
        var (code, _, stderr) = Run("coverage", "--rules", SentinelFixtures, "--rules", SentinelFixtures + Path.DirectorySeparatorChar);

        code.Should().Be(0, stderr);
        stderr.Split("imported 3 Sentinel analytics rules").Should().HaveCount(2);
        stderr.Should().Contain($"{SentinelFixtures}: its 4 Sentinel rule files were already imported");
        stderr.Split("sentinel rule not imported").Should().HaveCount(3);
    }

    [Fact]
    public void Coverage_SentinelSubfolderThenFolder_FolderImportsOnlyTheRest()
    {
        var root = Path.Combine(_temp, "rules");
        Directory.CreateDirectory(Path.Combine(root, "identity"));
        File.Copy(Path.Combine(SentinelFixtures, "LegacyTechniques.yaml"), Path.Combine(root, "identity", "LegacyTechniques.yaml"));
        File.Copy(Path.Combine(SentinelFixtures, "Quirks.yaml"), Path.Combine(root, "Quirks.yaml"));
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--rules", Path.Combine(root, "identity"), "--rules", root, "--json", json);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {Path.Combine(root, "identity")} (0 errors)")
            .And.Contain($"imported 1 Sentinel analytics rule from {root} (0 errors)");
        stderr.Split("imported 1 Sentinel analytics rule").Should().HaveCount(3);
        RuleIdsOf(json, "T1078.004").Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1")
            .And.Contain("sentinel:00000000-0000-4000-8000-0000000000a3:EntraAudit");
    }

    [Fact]
    public void Coverage_SentinelFileThenItsFolder_ImportsTheFileOnce()
    {
        var quirks = Path.Combine(SentinelFixtures, "Quirks.yaml");

        var (code, _, stderr) = Run("coverage", "--rules", quirks, "--sentinel-rules", SentinelFixtures);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {quirks} (0 errors)")
            .And.Contain($"imported 2 Sentinel analytics rules from {SentinelFixtures} (2 errors)");
    }

    [Fact]
    public void Coverage_FolderOfRulePacks_LoadsThePacks()
    {
        var folder = Path.Combine(_temp, "packs");
        Directory.CreateDirectory(Path.Combine(folder, "more"));
        WritePack(Path.Combine(folder, "contoso-pack.json"), "contoso", "contoso.widgets-deleted", "T1485");
        WritePack(Path.Combine(folder, "more", "fabrikam-pack.json"), "fabrikam", "fabrikam.gadgets-deleted", "T1485");
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--rules", folder, "--rules", folder + "/", "--json", json);

        code.Should().Be(0, stderr);
        stderr.Should().NotContain("Sentinel");
        RuleIdsOf(json, "T1485").Should().Contain("contoso.widgets-deleted").And.Contain("fabrikam.gadgets-deleted");
    }

    [Fact]
    public void Coverage_FolderOfPacksAndSentinelRules_LoadsBoth()
    {
        var folder = Path.Combine(_temp, "mixed");
        Directory.CreateDirectory(folder);
        WritePack(Path.Combine(folder, "contoso-pack.json"), "contoso", "contoso.widgets-deleted", "T1485");
        File.Copy(Path.Combine(SentinelFixtures, "LegacyTechniques.yaml"), Path.Combine(folder, "LegacyTechniques.yaml"));
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--rules", folder, "--json", json);

        code.Should().Be(0, stderr);
        stderr.Should().Contain($"imported 1 Sentinel analytics rule from {folder} (0 errors)").And.NotContain("not imported");
        RuleIdsOf(json, "T1485").Should().Contain("contoso.widgets-deleted");
        RuleIdsOf(json, "T1078.004").Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("notes.md", "# not rules\n")]
    [InlineData("broken.yaml", "id: x\nname: [unclosed\n")]
    [InlineData("alerts.json", """{ "value": [ { "name": "a1", "properties": { "alertDisplayName": "x" } } ] }""")]
    public void Coverage_FolderWithNoRulesAndNoPacks_ExitsWith2NamingIt(string? name, string? content)
    {
        var folder = Path.Combine(_temp, "empty");
        Directory.CreateDirectory(folder);
        if (name is not null)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }

        var (code, stdout, stderr) = Run("coverage", "--rules", folder + "/");

        code.Should().Be(2, stderr);
        stdout.Should().BeEmpty();
        stderr.Should().Contain($"--rules '{folder}': the folder holds no AttackMap rule pack and no Microsoft Sentinel analytics rule");
    }

    private string Summary(string command, string name, params string[] paths)
    {
        var path = Path.Combine(_temp, name + ".json");
        var (code, _, stderr) = Run(paths.Prepend(command).Concat(new[] { "--summary-json", path }).ToArray());
        code.Should().Be(0, stderr);
        return File.ReadAllText(path);
    }

    private static int Read(string summaryJson)
    {
        using var json = JsonDocument.Parse(summaryJson);
        return json.RootElement.GetProperty("read").GetInt32();
    }

    private static string[] Files(string summaryJson)
    {
        using var json = JsonDocument.Parse(summaryJson);
        return json.RootElement.GetProperty("perFile").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToArray();
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

    private static void WritePack(string path, string id, string ruleId, string technique) =>
        File.WriteAllText(path, $$"""
            { "id": "{{id}}", "version": "1.0.0", "attackVersion": "19.2", "rules": [
              { "id": "{{ruleId}}", "family": "AzureActivity", "match": { "values": ["Contoso.Lab/{{id}}/delete"] },
                "techniques": ["{{technique}}"], "kind": "DirectDetection", "kindReason": "Deleting it destroys its data.",
                "rationale": "Deleting lab objects destroys data.", "lastReviewed": "2026-11-30" } ] }
            """);
}
