using AttackMap.Cli;
using AttackMap.Sentinel;

namespace AttackMap.Tests.Sentinel;

/// <summary>The same rule twice in one import (an Azure-Sentinel checkout has most rules under Detections/ and in a solution).</summary>
public sealed class SentinelDuplicateRuleTests : IDisposable
{
    private const string Rule = """
        id: 00000000-0000-4000-8000-0000000000d7
        name: Lab role granted
        relevantTechniques:
          - T1098.003
        query: |
          AuditLogs
          | where OperationName == "Add member to role"
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-sentinel-dupes-").FullName;

    public SentinelDuplicateRuleTests()
    {
        Place(Path.Combine("Detections", "AuditLogs", "RoleGranted.yaml"), Rule);
        Place(Path.Combine("Solutions", "Lab", "Analytic Rules", "RoleGranted.yaml"), Rule.Replace("00000000-0000-4000-8000-0000000000d7", "00000000-0000-4000-8000-0000000000D7", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void ImportFolder_SameIdTwice_KeepsTheFirstAndListsTheOther()
    {
        var result = new SentinelRuleImporter().ImportFolder(_temp);

        result.Errors.Should().BeEmpty();
        result.Rules.Select(r => r.SourceRelativePath).Should().Equal("Detections/AuditLogs/RoleGranted.yaml");
        result.Duplicates.Select(r => r.SourceRelativePath).Should().Equal("Solutions/Lab/Analytic Rules/RoleGranted.yaml");
    }

    [Fact]
    public void AddSentinelRules_CheckoutWithTheSameRuleTwice_Builds()
    {
        var engine = new AttackMapBuilder().AddSentinelRules(_temp).Build();

        engine.CoverageDetections.Select(r => r.Id).Should().Equal("sentinel:00000000-0000-4000-8000-0000000000d7");
    }

    [Fact]
    public void Coverage_SameIdTwice_SaysItIsCountedOnce()
    {
        var stderr = new StringWriter();

        CliApplication.Run(new[] { "coverage", "--rules", _temp }, new StringWriter(), stderr).Should().Be(0, stderr.ToString());

        stderr.ToString().Should().Contain($"imported 1 Sentinel analytics rule from {_temp} (0 errors): it counts toward coverage")
            .And.Contain("  same id as an earlier rule, counted once: 'Lab role granted' (Solutions/Lab/Analytic Rules/RoleGranted.yaml) = (Detections/AuditLogs/RoleGranted.yaml)");
    }

    [Fact]
    public void Coverage_SameRuleUnderTwoRulesPaths_IsCountedOnceAndNamesWhereItWasFirst()
    {
        var detections = Path.Combine(_temp, "Detections");
        var solutions = Path.Combine(_temp, "Solutions");
        var json = Path.Combine(_temp, "coverage.json");
        var stderr = new StringWriter();

        CliApplication.Run(new[] { "coverage", "--no-builtin", "--rules", detections, "--rules", solutions, "--json", json }, new StringWriter(), stderr).Should().Be(0, stderr.ToString());

        stderr.ToString().Should().Contain($"imported 1 Sentinel analytics rule from {detections} (0 errors): it counts toward coverage")
            .And.Contain($"imported 0 Sentinel analytics rules from {solutions} (0 errors)")
            .And.Contain("  same id as an earlier rule, counted once: 'Lab role granted' (Lab/Analytic Rules/RoleGranted.yaml) = (AuditLogs/RoleGranted.yaml)");
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("techniques").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1098.003")
            .GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal("sentinel:00000000-0000-4000-8000-0000000000d7");
    }

    private void Place(string relative, string text)
    {
        var path = Path.Combine(_temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
