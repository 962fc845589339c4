using AttackMap.Sentinel;
using AttackMap.Signals;

namespace AttackMap.Tests.Sentinel;

public sealed class SentinelRuleImporterTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");
    private readonly SentinelRuleImporter _importer = new();

    [Fact]
    public void ImportFile_YamlWithLegacyTechniques_MigratesAndNotes()
    {
        var result = _importer.ImportFile(Path.Combine(Fixtures, "LegacyTechniques.yaml"));

        result.Errors.Should().BeEmpty();
        var rule = result.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("00000000-0000-4000-8000-0000000000a1");
        rule.Kind.Should().Be("NRT");
        rule.Enabled.Should().BeTrue();
        rule.Status.Should().Be("Available");
        rule.QueryFrequency.Should().Be(TimeSpan.FromMinutes(30));
        rule.QueryPeriod.Should().Be(TimeSpan.FromHours(2));
        rule.TriggerOperator.Should().Be("gt");
        rule.TriggerThreshold.Should().Be(3);
        rule.Format.Should().Be(SentinelRuleFormat.Yaml);
        rule.SourceLocation.Should().Be("line 1");
        rule.Techniques.Select(t => (t.Id, t.OriginalId, t.Status)).Should().Equal(
            ("T1026", "t1026", TechniqueStatus.Deprecated),
            ("T1078.004", "T1078.004", TechniqueStatus.Current),
            ("T1547.004", "T1004", TechniqueStatus.Migrated),
            ("T9999", "T9999", TechniqueStatus.Unknown));
        rule.Notes.Should().Contain("T1004 is revoked in ATT&CK 19.2; migrated to T1547.004 (Winlogon Helper DLL).")
            .And.Contain("dataTypes entry 'SecurityEvents' is not a known Log Analytics table; ignored.");
        rule.Tables.Should().ContainSingle().Which.Should().Be(new RuleTable { Name = "SigninLogs", InDataTypes = true, InQuery = true, Family = LogFamily.EntraSignIn });
        rule.Families.Should().Equal(LogFamily.EntraSignIn);
        rule.IsCorrelationDependent.Should().BeFalse();
    }

    [Fact]
    public void ImportFile_RestExport_ReadsEnabledSubTechniquesDurationsAndReportsTheBadRule()
    {
        var path = Path.Combine(Fixtures, "rest-export.json");

        var result = _importer.ImportFile(path);

        var rule = result.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("00000000-0000-4000-8000-0000000000c1");
        rule.Name.Should().Be("Lab risky sign-in then role assignment");
        rule.Enabled.Should().BeFalse();
        rule.Format.Should().Be(SentinelRuleFormat.ArmTemplate);
        rule.SourceLocation.Should().Be("value[0]");
        rule.QueryFrequency.Should().Be(TimeSpan.FromHours(1));
        rule.QueryPeriod.Should().Be(TimeSpan.FromDays(1));
        rule.TriggerThreshold.Should().Be(0);
        rule.Tactics.Should().Equal("InitialAccess", "PrivilegeEscalation");
        rule.Techniques.Select(t => t.Id).Should().Equal("T1078", "T1078.004");
        rule.Tables.Select(t => (t.Name, t.InDataTypes, t.InQuery, t.Family)).Should().Equal(
            ("AADUserRiskEvents", false, true, (LogFamily?)LogFamily.EntraRiskDetection),
            ("AzureActivity", false, true, (LogFamily?)LogFamily.AzureActivity));
        rule.Families.Should().Equal(LogFamily.EntraRiskDetection, LogFamily.AzureActivity);
        rule.IsCorrelationDependent.Should().BeTrue();
        result.Errors.Should().ContainSingle().Which.Should().Be(new SentinelImportError
        {
            File = path,
            SourceRelativePath = "rest-export.json",
            Location = "value[1]",
            Message = "the Scheduled rule has no 'properties.query'",
        });
    }

    [Fact]
    public void ImportFolder_BrokenYaml_ReportsFileAndLineAndImportsTheOthers()
    {
        var result = _importer.ImportFolder(Fixtures);

        result.Rules.Select(r => r.Name).Should().Equal("Lab rule with legacy technique ids", "Lab quirks", "Lab risky sign-in then role assignment");
        result.Errors.Should().HaveCount(2);
        var broken = result.Errors[0];
        broken.File.Should().Be(Path.Combine(Fixtures, "broken.yaml"));
        broken.SourceRelativePath.Should().Be("broken.yaml");
        broken.Line.Should().Be(7);
        broken.Message.Should().StartWith("invalid YAML:");
    }

    [Fact]
    public void Import_StreamStartingWithBrace_IsReadAsJson()
    {
        const string json = """{ "resources": [ { "type": "Microsoft.OperationalInsights/workspaces/providers/alertRules", "name": "[concat(parameters('workspace'),'/Microsoft.SecurityInsights/00000000-0000-4000-8000-0000000000d1')]", "kind": "NRT", "properties": { "displayName": "Lab NRT", "enabled": true, "query": "AuditLogs | take 1" } }, { "type": "Microsoft.Resources/deployments", "name": "other" } ] }""";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var result = _importer.Import(stream, "inline.json");

        result.Errors.Should().BeEmpty();
        var rule = result.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("00000000-0000-4000-8000-0000000000d1");
        rule.Kind.Should().Be("NRT");
        rule.SourceLocation.Should().Be("resources[0]");
        rule.Families.Should().Equal(LogFamily.EntraAudit);
    }

    [Fact]
    public void ImportFile_YamlQuirks_CrlfLowerCaseKindColumnZeroListsKeepQueryAndInlineComment()
    {
        var rule = _importer.ImportFile(Path.Combine(Fixtures, "Quirks.yaml")).Rules.Should().ContainSingle().Subject;

        rule.Kind.Should().Be("Scheduled");
        rule.QueryFrequency.Should().Be(TimeSpan.FromDays(1));
        rule.QueryPeriod.Should().Be(TimeSpan.FromDays(14));
        rule.Tactics.Should().Equal("PrivilegeEscalation", "Persistence");
        rule.Techniques.Select(t => t.Id).Should().Equal("T1078.004", "T1098.003");
        rule.Tables.Select(t => (t.Name, t.InDataTypes, t.InQuery)).Should().Equal(("AuditLogs", true, true), ("AzureActivity", true, true));
        rule.Families.Should().Equal(LogFamily.EntraAudit, LogFamily.AzureActivity);
        rule.IsCorrelationDependent.Should().BeTrue();
    }

    [Fact]
    public void Import_DuplicateYamlKey_IsAnErrorWithItsLine()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("id: 00000000-0000-4000-8000-0000000000a4\nname: One\nname: Two\nquery: AuditLogs\n"));

        var result = _importer.Import(stream, "dup.yaml");

        result.Rules.Should().BeEmpty();
        result.Errors.Should().ContainSingle().Which.ToString().Should().Be("dup.yaml(3,1): invalid YAML: Duplicate key name");
    }

    [Fact]
    public void Import_SolutionPackageWithNestedRuleTemplate_FindsTheRule()
    {
        const string json = """
            { "resources": [ { "type": "Microsoft.OperationalInsights/workspaces/providers/contentTemplates", "name": "lab-solution",
              "properties": { "mainTemplate": { "resources": [
                { "type": "Microsoft.SecurityInsights/AlertRuleTemplates", "name": "[variables('analyticRuleId1')]", "kind": "Scheduled",
                  "properties": { "displayName": "Lab packaged rule", "query": "AADRiskyUsers | take 1", "techniques": [ "T1078" ] } } ] } } } ] }
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var result = _importer.Import(stream, "mainTemplate.json");

        result.Errors.Should().BeEmpty();
        var rule = result.Rules.Should().ContainSingle().Subject;
        rule.Id.Should().Be("mainTemplate#resources[0].properties.mainTemplate.resources[0]");
        rule.Name.Should().Be("Lab packaged rule");
        rule.Families.Should().Equal(LogFamily.EntraRiskDetection);
    }

    [Fact]
    public void Import_TechniqueThatAttackSplit_IsKeptWithItsCandidatesAndANote()
    {
        const string yaml = "id: 00000000-0000-4000-8000-0000000000a5\nname: Lab split\nrelevantTechniques:\n  - T1562\n  - T1078.004\nquery: AzureActivity\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));

        var rule = _importer.Import(stream, "split.yaml").Rules.Should().ContainSingle().Subject;

        rule.Techniques.Select(t => (t.Id, t.Status)).Should().Equal(("T1078.004", TechniqueStatus.Current), ("T1562", TechniqueStatus.Split));
        var split = rule.Techniques[1];
        split.Candidates.Should().HaveCount(11).And.Contain(new[] { "T1685", "T1685.002", "T1686", "T1690" }).And.NotContain("T1562");
        split.Note.Should().StartWith("T1562 was split in ATT&CK 19.2 into T1685, ").And.EndWith("; retag the rule with the successor(s) it detects.");
        rule.Notes.Should().Contain(split.Note);
        rule.Techniques[0].Candidates.Should().BeEmpty();
    }

    [Theory]
    [InlineData("id: 00000000-0000-4000-8000-0000000000a6\nname: Open list\ntactics: [Persistence\nquery: AuditLogs\n", "open.yaml(3,10): invalid YAML: a flow sequence '[' or mapping '{' is not closed")]
    [InlineData("id: 00000000-0000-4000-8000-0000000000a6\nname: Open map\nentityMappings: { entityType: Account\nquery: AuditLogs\n", "open.yaml(3,29): invalid YAML: a flow sequence '[' or mapping '{' is not closed")]
    public void Import_UnclosedFlowCollection_IsAnErrorWithLineAndColumn(string yaml, string expected)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));

        var result = _importer.Import(stream, "open.yaml");

        result.Rules.Should().BeEmpty();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.ToString().Should().StartWith(expected);
    }
}
