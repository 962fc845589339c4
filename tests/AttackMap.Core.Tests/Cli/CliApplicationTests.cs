using System.Text.Json;
using AttackMap.Cli;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Cli;

public sealed class CliApplicationTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Classify_BundledSamplesAsJsonl_EveryLineHasTheRequiredFields()
    {
        var (code, stdout, stderr) = Run("classify", BundledSamples.Folder);

        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            foreach (var field in new[] { "file", "index", "family", "source", "technique", "tactics", "kind", "rule", "rationale" })
            {
                root.TryGetProperty(field, out _).Should().BeTrue($"'{field}' is required in: {line}");
            }

            root.GetProperty("kind").GetString().Should().BeOneOf("DirectDetection", "CorrelationContext", "Precondition", "NeedsReview");
        }

        var diagnosticDelete = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("file").GetString()!.EndsWith("diagnostic-activity.jsonl", StringComparison.Ordinal) && e.GetProperty("index").GetInt32() == 10);
        diagnosticDelete.GetProperty("technique").GetString().Should().Be("T1685.002");
        diagnosticDelete.GetProperty("tactics").EnumerateArray().Select(t => t.GetString()).Should().Equal("defense-impairment");
        stderr.Should().MatchRegex(@"attackmap classify: 14 files, read \d+ records: mapped \d+, unmapped \d+ \(1 outside the five families\), rejected 0");
    }

    [Fact]
    public void Classify_IncludeUnmapped_WritesUnmappedLinesAndCountsReconcileInTheSummaryJson()
    {
        var summaryPath = Path.Combine(_temp, "summary.json");

        var (code, stdout, _) = Run("classify", BundledSamples.Folder, "--include-unmapped", "--summary-json", summaryPath);

        code.Should().Be(0);
        var unmapped = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("unmapped", out var flag) && flag.GetBoolean()).ToList();
        unmapped.Should().Contain(e => e.GetProperty("key").GetString() == "MICROSOFT.COMPUTE/VIRTUALMACHINES/READ");
        using var summary = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var s = summary.RootElement;
        s.GetProperty("read").GetInt32().Should().Be(s.GetProperty("mapped").GetInt32() + s.GetProperty("unmapped").GetInt32() + s.GetProperty("rejected").GetInt32());
        s.GetProperty("unmapped").GetInt32().Should().Be(unmapped.Count);
        s.GetProperty("reconciled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Classify_MalformedFileBesideGoodOne_RejectsWithLocationAndReadsTheOther()
    {
        var bad = Path.Combine(_temp, "bad.jsonl");
        File.WriteAllText(bad, "{\"time\":\"2026-11-20T10:00:00Z\",\"operationName\":\"MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE\",\"category\":\"Administrative\",\"resultType\":\"Success\"}\n{\"time\": oops}\n");
        var good = BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl");

        var (code, stdout, stderr) = Run("classify", bad, good);

        code.Should().Be(0);
        stderr.Should().Contain("rejected " + bad + "#1 (line 2");
        stderr.Should().Contain("2 files, read 14 records");
        stdout.Should().Contain("\"technique\":\"T1685.002\"");
    }

    [Fact]
    public void Classify_DefenderAlertWithVendorTechniques_ShowsThemAndWhetherThePackAgrees()
    {
        var (_, stdout, _) = Run("classify", BundledSamples.PathOf("defender-alerts/arm-security-alerts.json"));

        var rbac = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .First(e => e.GetProperty("key").GetString() == "ARM_AnomalousRBACRoleAssignment");
        rbac.GetProperty("vendorTechniques").EnumerateArray().Select(t => t.GetString()).Should().Equal("T1098", "T1098.003");
        rbac.GetProperty("vendorDisagreement").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Classify_Table_PrintsHeaderAndRows()
    {
        var (code, stdout, _) = Run("classify", BundledSamples.PathOf("defender-alerts/arm-security-alerts.json"), "--format", "table");

        code.Should().Be(0);
        stdout.Should().StartWith("RECORD").And.Contain("ARM_AnomalousRBACRoleAssignment").And.Contain("T1098.003");
    }

    [Fact]
    public void Classify_TableOfLongOperation_KeepsTheVerbAndSaysOneFile()
    {
        var (code, stdout, stderr) = Run("classify", BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl"), "--format", "table");

        code.Should().Be(0, stderr);
        stdout.Should().Contain("MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE").And.NotContain("…ROLEASSIGNMENTS/WRITE");
        stderr.Should().StartWith("attackmap classify: 1 file, read 12 records:");
    }

    [Theory]
    [InlineData("MICROSOFT.COMPUTE/VIRTUALMACHINES/EXTENSIONS/WRITE", 44, "MICROSOFT.COMPUTE/VIRT…INES/EXTENSIONS/WRITE")]
    [InlineData("Microsoft.Insights/diagnosticSettings/delete", 60, "Microsoft.Insights/diagnosticSettings/delete")]
    public void Clip_LongKey_CutsTheMiddleAndKeepsTheEnd(string key, int width, string expected)
    {
        var clipped = AttackMap.Cli.Output.EvidenceTableWriter.Clip(key, width);

        clipped.Should().Be(expected);
        clipped.Length.Should().BeLessThanOrEqualTo(width);
    }

    [Theory]
    [InlineData("classify")]
    [InlineData("classify", "samples", "--format", "xml")]
    [InlineData("classify", "samples", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Run_UsageError_ExitsWith2(params string[] args)
    {
        var (code, _, stderr) = Run(args);

        code.Should().Be(2);
        stderr.Should().Contain("attackmap:");
    }

    [Fact]
    public void Classify_UnknownOptionAfterPaths_SaysUnknownOption()
    {
        var (code, _, stderr) = Run("classify", BundledSamples.Folder, "--bogus");

        code.Should().Be(2);
        stderr.Should().Contain("unknown option '--bogus'");
    }

    [Fact]
    public void Classify_OtherAttackVersionWithBuiltInPacks_ExplainsNoBuiltIn()
    {
        var (code, _, stderr) = Run("classify", BundledSamples.Folder, "--attack", "18.1");

        code.Should().Be(2);
        stderr.Should().Contain("--no-builtin");
    }

    [Fact]
    public void Classify_V181WithNoBuiltInAndOwnPack_MapsWithThePack()
    {
        var pack = Path.Combine(_temp, "v18.json");
        File.WriteAllText(pack, """
            { "id": "custom", "version": "1.0.0", "attackVersion": "18.1", "rules": [
              { "id": "custom.diag", "family": "AzureActivity", "match": { "values": ["Microsoft.Insights/diagnosticSettings/delete"] },
                "techniques": ["T1562.008"], "rationale": "Written against v18.", "lastReviewed": "2026-11-30" } ] }
            """);

        var (code, stdout, stderr) = Run("classify", BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl"), "--attack", "18.1", "--no-builtin", "--rules", pack);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("\"technique\":\"T1562.008\"").And.Contain("\"tactics\":[\"defense-evasion\"]");
    }

    [Fact]
    public void Classify_FailedActivityOperation_IsMarkedWithItsStatus()
    {
        var (_, stdout, _) = Run("classify", BundledSamples.PathOf("azure-activity/diagnostic-activity.jsonl"));

        var failed = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("index").GetInt32() == 5);
        failed.GetProperty("failedOperation").GetBoolean().Should().BeTrue();
        failed.GetProperty("status").GetString().Should().Be("Failure");
    }

    [Fact]
    public void Classify_PathThatDoesNotExist_ExitsWith2AndNamesIt()
    {
        var missing = Path.Combine(_temp, "nope.jsonl");

        var (code, _, stderr) = Run("classify", missing);

        code.Should().Be(2);
        stderr.Should().Contain(missing);
    }

    [Fact]
    public void Classify_InvalidRulePack_ExitsWith1AndNamesTheRule()
    {
        var pack = Path.Combine(_temp, "pack.json");
        File.WriteAllText(pack, """
            { "id": "custom", "version": "1.0.0", "attackVersion": "18.1", "rules": [
              { "id": "custom.diag", "family": "AzureActivity", "match": { "values": ["Microsoft.Insights/diagnosticSettings/delete"] },
                "techniques": ["T1562.008"], "rationale": "Written against v18.", "lastReviewed": "2026-11-30" } ] }
            """);

        var (code, _, stderr) = Run("classify", BundledSamples.Folder, "--rules", pack);

        code.Should().Be(1);
        stderr.Should().Contain("custom.diag").And.Contain("T1685.002");
    }

    [Fact]
    public void Coverage_BundledSamples_PrintsSummaryAndWritesLayerAndReport()
    {
        var layer = Path.Combine(_temp, "out", "layer.json");
        var report = Path.Combine(_temp, "out", "coverage.md");

        var (code, stdout, stderr) = Run("coverage", BundledSamples.Folder, "--layer", layer, "--report", report);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("ATT&CK Enterprise v19.2").And.Contain("Defense Impairment").And.Contain("All techniques (each counted once)")
            .And.Contain("CorrOnly = CorrelationOnly, NeedsLog = NeedsLogging, Review = NeedsReview");
        stdout.Should().Contain("Wrote Navigator layer: " + layer);
        using var json = JsonDocument.Parse(File.ReadAllText(layer));
        Export.NavigatorLayerExporterTests.AssertValidLayer(json.RootElement, AttackMap.Attack.AttackCatalog.Default);
        File.ReadAllText(report).Should().Contain("T1685.002").And.Contain("## Visible but unmapped");
    }

    [Fact]
    public void Coverage_SourcesFileWithoutSignIns_SignInTechniquesNeedLogging()
    {
        var sources = Path.Combine(_temp, "sources.json");
        File.WriteAllText(sources, """{ "families": { "EntraSignIn": false, "EntraRiskDetection": false, "DefenderForCloud": false } }""");
        var json = Path.Combine(_temp, "coverage.json");

        var (code, _, stderr) = Run("coverage", "--sources", sources, "--json", json);

        code.Should().Be(0, stderr);
        File.ReadAllText(json).Should().Contain("NeedsLogging");
    }

    [Fact]
    public void Coverage_CsvAndWatchlist_WritesBothFiles()
    {
        var csv = Path.Combine(_temp, "coverage.csv");
        var watchlist = Path.Combine(_temp, "watchlist.csv");

        var (code, stdout, stderr) = Run("coverage", "--csv", csv, "--watchlist", watchlist);

        code.Should().Be(0, stderr);
        stdout.Should().Contain("Wrote CSV report: " + csv).And.Contain("Wrote Sentinel watchlist: " + watchlist);
        File.ReadAllText(csv).Should().StartWith("TechniqueId,Name,Status,").And.Contain("\nT1098.003,Account Manipulation: Additional Cloud Roles,Direct,");
        File.ReadAllText(watchlist).Should().StartWith("SearchKey,Family,Tables,").And.Contain("\nAdd member to role,EntraAudit,AuditLogs,");
    }

    [Fact]
    public void CoverageDiff_SignInsDisabled_PrintsDowngradesAndFailOnDowngradeExits1()
    {
        var (before, after) = SaveReportsWithAndWithoutSignIns();

        var (code, stdout, stderr) = Run("coverage", "diff", before, after);
        var (jsonlCode, jsonl, _) = Run("coverage", "diff", before, after, "--format", "jsonl");
        var (gateCode, _, gateErr) = Run("coverage", "diff", before, after, "--fail-on", "downgrade");
        var (reverseCode, _, reverseErr) = Run("coverage", "diff", after, before, "--fail-on", "downgrade");

        code.Should().Be(0, stderr);
        stdout.Should().Contain("downgraded").And.Contain("T1526      Downgraded  NeedsReview      NeedsLogging     NeedsReview -> NeedsLogging: ");
        jsonlCode.Should().Be(0);
        jsonl.Should().Contain("{\"technique\":\"T1526\",\"name\":\"Cloud Service Discovery\",\"change\":\"Downgraded\",\"before\":\"NeedsReview\",\"after\":\"NeedsLogging\",");
        gateCode.Should().Be(1);
        gateErr.Should().Contain("coverage gate failed").And.Contain("--fail-on downgrade").And.Contain("T1526 Cloud Service Discovery: NeedsReview -> NeedsLogging");
        reverseCode.Should().Be(0, reverseErr);
    }

    [Fact]
    public void Coverage_FailOnTechniqueBelowMinimum_Exits1NamingIt()
    {
        var sources = Path.Combine(_temp, "no-signins.json");
        File.WriteAllText(sources, """{ "families": { "EntraSignIn": false } }""");

        var (passCode, _, passErr) = Run("coverage", "--fail-on", "T1098.003:Direct");
        var (code, _, stderr) = Run("coverage", "--sources", sources, "--fail-on", "T1526:NeedsReview", "--fail-on", "T1098.003:Direct");
        var (usageCode, _, usageErr) = Run("coverage", "--fail-on", "T1526:Great");
        var (noBaselineCode, _, noBaselineErr) = Run("coverage", "--fail-on", "downgrade");

        passCode.Should().Be(0, passErr);
        code.Should().Be(1);
        stderr.Should().Contain("--fail-on T1526:NeedsReview: 1 technique(s)").And.Contain("T1526 Cloud Service Discovery: NeedsLogging, required at least NeedsReview")
            .And.NotContain("--fail-on T1098.003");
        usageCode.Should().Be(2);
        usageErr.Should().Contain("'downgrade' or '<technique>:<status>'");
        noBaselineCode.Should().Be(2);
        noBaselineErr.Should().Contain("--baseline");
    }

    [Fact]
    public void Coverage_FailOnDowngradeWithBaseline_Exits1()
    {
        var (before, _) = SaveReportsWithAndWithoutSignIns();
        var sources = Path.Combine(_temp, "no-signins.json");

        var (code, _, stderr) = Run("coverage", "--sources", sources, "--baseline", before, "--fail-on", "downgrade");

        code.Should().Be(1);
        stderr.Should().Contain("T1526 Cloud Service Discovery: NeedsReview -> NeedsLogging");
    }

    private (string Before, string After) SaveReportsWithAndWithoutSignIns()
    {
        var sources = Path.Combine(_temp, "no-signins.json");
        File.WriteAllText(sources, """{ "families": { "EntraSignIn": false } }""");
        var before = Path.Combine(_temp, "before.json");
        var after = Path.Combine(_temp, "after.json");
        Run("coverage", "--json", before).Item1.Should().Be(0);
        Run("coverage", "--sources", sources, "--json", after).Item1.Should().Be(0);
        return (before, after);
    }

    [Fact]
    public void Coverage_MalformedSourcesFile_ExitsWith1AndNamesTheFile()
    {
        var sources = Path.Combine(_temp, "sources.json");
        File.WriteAllText(sources, "{\"tables\": [");

        var (code, _, stderr) = Run("coverage", "--sources", sources);

        code.Should().Be(1);
        stderr.Should().Contain(sources).And.NotContain("   at ");
    }

    [Fact]
    public void Classify_FolderWithoutLogFiles_ExitsWith1()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_temp, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "not a log");

        var (code, _, stderr) = Run("classify", empty);

        code.Should().Be(1);
        stderr.Should().Contain("no log files");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
