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
            .And.Contain("  same id as an earlier rule, counted once (1): 'Lab role granted' (Solutions/Lab/Analytic Rules/RoleGranted.yaml) = (Detections/AuditLogs/RoleGranted.yaml)");
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
            .And.Contain("  same id as an earlier rule, counted once (1): 'Lab role granted' (Lab/Analytic Rules/RoleGranted.yaml) = (AuditLogs/RoleGranted.yaml)");
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        report.RootElement.GetProperty("techniques").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "T1098.003")
            .GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal("sentinel:00000000-0000-4000-8000-0000000000d7");
    }

    [Fact]
    public void ImportFolder_RulesWithMadeUpIds_AreNeverDuplicates()
    {
        const string packaged = """
            { "resources": [ { "type": "Microsoft.SecurityInsights/AlertRuleTemplates", "name": "[variables('analyticRuleId1')]", "kind": "Scheduled",
              "properties": { "displayName": "NAME", "query": "AuditLogs | take 1", "techniques": [ "T1098" ] } } ] }
            """;
        Place(Path.Combine("pkgs", "A", "mainTemplate.json"), packaged.Replace("NAME", "Lab package A", StringComparison.Ordinal));
        Place(Path.Combine("pkgs", "B", "mainTemplate.json"), packaged.Replace("NAME", "Lab package B", StringComparison.Ordinal));

        var result = new SentinelRuleImporter().ImportFolder(Path.Combine(_temp, "pkgs"));

        result.Rules.Select(r => r.Name).Should().Equal("Lab package A", "Lab package B");
        result.Rules.Select(r => r.Id).Distinct().Should().HaveCount(1, "both ids are made up from the same file name");
        result.Duplicates.Should().BeEmpty();
    }

    [Fact]
    public void ImportFolder_DeployedRuleNamedAfterItsTemplate_IsNotACopyOfIt()
    {
        Place(Path.Combine("exports", "deployed.json"), SentinelTemplateTechniquesTests.Deployed("00000000-0000-4000-8000-0000000000d7", "Lab role granted (deployed)", "00000000-0000-4000-8000-0000000000d7"));

        var result = new SentinelRuleImporter().ImportFolder(_temp);

        result.Rules.Select(r => r.Name).Should().BeEquivalentTo("Lab role granted", "Lab role granted (deployed)");
        result.Duplicates.Select(r => r.SourceRelativePath).Should().Equal("Solutions/Lab/Analytic Rules/RoleGranted.yaml");
    }

    [Fact]
    public void ImportFolder_HuntingQueriesFolders_AreLeftOut()
    {
        Place(Path.Combine("Hunting Queries", "AuditLogs", "Hunt.yaml"), Rule.Replace("0000000000d7", "0000000000d8", StringComparison.Ordinal));
        Place(Path.Combine("Solutions", "Lab", "Hunting Queries", "Hunt.yaml"), Rule.Replace("0000000000d7", "0000000000d9", StringComparison.Ordinal));

        var result = new SentinelRuleImporter().ImportFolder(_temp);

        result.Rules.Select(r => r.SourceRelativePath).Should().Equal("Detections/AuditLogs/RoleGranted.yaml");
        new SentinelRuleImporter().ImportFolder(Path.Combine(_temp, "Hunting Queries")).Rules.Should().ContainSingle("asked for by name, the folder is imported");
    }

    [Fact]
    public void ImportFolder_WorkbooksAndPlaybooks_AreSkippedNotErrors_ButAsASingleFileAnError()
    {
        Place(Path.Combine("Solutions", "Lab", "Workbooks", "LabWorkbook.json"), """{ "version": "Notebook/1.0", "items": [] }""");
        Place(Path.Combine("Solutions", "Lab", "Playbooks", "azuredeploy.json"), """{ "resources": [ { "type": "Microsoft.Logic/workflows", "name": "lab-playbook" } ] }""");
        Place(Path.Combine("Solutions", "Lab", "Broken.json"), """{ "resources": [ """);

        var result = new SentinelRuleImporter().ImportFolder(_temp);

        result.SkippedFiles.Should().Equal("Solutions/Lab/Playbooks/azuredeploy.json", "Solutions/Lab/Workbooks/LabWorkbook.json");
        result.Errors.Select(e => e.SourceRelativePath).Should().Equal(new[] { "Solutions/Lab/Broken.json" }, "malformed JSON is still an error");
        result.Rules.Should().ContainSingle();
        var single = new SentinelRuleImporter().ImportFile(Path.Combine(_temp, "Solutions", "Lab", "Workbooks", "LabWorkbook.json"));
        single.Errors.Should().ContainSingle().Which.Message.Should().StartWith("no analytics rules found");
        single.SkippedFiles.Should().BeEmpty();
    }

    private void Place(string relative, string text)
    {
        var path = Path.Combine(_temp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
