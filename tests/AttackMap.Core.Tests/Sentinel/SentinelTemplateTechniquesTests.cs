using AttackMap.Sentinel;

namespace AttackMap.Tests.Sentinel;

/// <summary>A deployed rule (ARM/REST export) that lists no technique takes those of its gallery template when both are imported together.</summary>
public sealed class SentinelTemplateTechniquesTests : IDisposable
{
    private const string TemplateId = "00000000-0000-4000-8000-0000000000f1";

    private readonly SentinelRuleImporter _importer = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("attackmap-sentinel-template-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void ImportFolder_DeployedRuleWithoutTechniques_TakesThoseOfItsTemplateWithANote()
    {
        Write("LabTemplate.yaml", Template(TemplateId, "Lab MFA turned off", "T1098", "T1562.008"));
        // Upper case: the GUID is matched whatever its case.
        Write("arm/Lab MFA turned off.json", Deployed("00000000-0000-4000-8000-0000000000f2", "Lab MFA turned off (deployed)", TemplateId.ToUpperInvariant()));

        var result = _importer.ImportFolder(_temp);

        result.Errors.Should().BeEmpty();
        var template = result.Rules.Single(r => r.Format == SentinelRuleFormat.Yaml);
        var deployed = result.Rules.Single(r => r.Format == SentinelRuleFormat.ArmTemplate);
        deployed.Techniques.Should().Equal(template.Techniques);
        deployed.Techniques.Select(t => t.Id).Should().Equal("T1098", "T1685.002");
        deployed.TechniquesTemplateFile.Should().Be("LabTemplate.yaml");
        deployed.Tactics.Should().Equal("CredentialAccess", "Persistence");
        deployed.Notes.Should().Contain($"techniques taken from template {TemplateId} ('Lab MFA turned off', LabTemplate.yaml): the deployed rule lists none.")
            .And.Contain("T1562.008 is revoked in ATT&CK 19.2; migrated to T1685.002 (Disable or Modify Cloud Log).");
        template.TechniquesTemplateFile.Should().BeNull();

        var mapping = SentinelCoverageRules.ToMappingRules(new[] { deployed }).Should().ContainSingle().Subject;
        mapping.Techniques.Should().Equal("T1098", "T1685.002");
        mapping.Rationale.Should().EndWith(" Techniques taken from its template (LabTemplate.yaml).");
    }

    [Fact]
    public void ImportFolder_DeployedRuleWithItsOwnTechniques_KeepsThem()
    {
        Write("LabTemplate.yaml", Template(TemplateId, "Lab MFA turned off", "T1098"));
        Write("arm/deployed.json", Deployed("00000000-0000-4000-8000-0000000000f2", "Lab MFA turned off (deployed)", TemplateId, "T1556"));

        var deployed = _importer.ImportFolder(_temp).Rules.Single(r => r.Format == SentinelRuleFormat.ArmTemplate);

        deployed.Techniques.Select(t => t.Id).Should().Equal("T1556");
        deployed.TechniquesTemplateFile.Should().BeNull();
        deployed.Notes.Should().NotContain(n => n.Contains("template", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportFile_TemplateNotImported_DeployedRuleStaysWithoutTechniques()
    {
        Write("LabTemplate.yaml", Template("00000000-0000-4000-8000-0000000000f9", "Another lab template", "T1098"));
        var path = Write("deployed.json", Deployed("00000000-0000-4000-8000-0000000000f2", "Lab MFA turned off (deployed)", TemplateId));

        var fromFile = _importer.ImportFile(path).Rules.Should().ContainSingle().Subject;
        var fromFolder = _importer.ImportFolder(_temp).Rules.Single(r => r.Format == SentinelRuleFormat.ArmTemplate);

        foreach (var deployed in new[] { fromFile, fromFolder })
        {
            deployed.Techniques.Should().BeEmpty();
            deployed.TechniquesTemplateFile.Should().BeNull();
            deployed.Notes.Should().BeEmpty();
        }
    }

    [Fact]
    public void ImportFolder_TwoTemplatesWithTheSameId_TheFirstInPathOrderGivesTheTechniques()
    {
        Write("a/LabTemplate.yaml", Template(TemplateId, "Lab template A", "T1098"));
        Write("b/LabTemplate.yaml", Template(TemplateId, "Lab template B", "T1556"));
        Write("c/deployed.json", Deployed("00000000-0000-4000-8000-0000000000f2", "Lab deployed", "{" + TemplateId + "}"));

        var deployed = _importer.ImportFolder(_temp).Rules.Single(r => r.Format == SentinelRuleFormat.ArmTemplate);

        deployed.Techniques.Select(t => t.Id).Should().Equal("T1098");
        deployed.TechniquesTemplateFile.Should().Be("a/LabTemplate.yaml");
    }

    [Fact]
    public void ImportFolder_TwoDeployedRules_OneDoesNotTakeTheOthersTechniques()
    {
        // A rule whose ARM name is missing gets its template id as Id; it is a deployed rule, not a template.
        Write("own.json", """
            { "value": [ { "kind": "Scheduled", "properties": { "displayName": "Lab own", "alertRuleTemplateName": "00000000-0000-4000-8000-0000000000f1",
              "query": "AuditLogs | take 1", "techniques": [ "T1098" ] } } ] }
            """);
        Write("none.json", Deployed("00000000-0000-4000-8000-0000000000f3", "Lab none", TemplateId));

        var rules = _importer.ImportFolder(_temp).Rules;

        rules.Single(r => r.Name == "Lab own").Id.Should().Be(TemplateId);
        rules.Single(r => r.Name == "Lab none").Techniques.Should().BeEmpty();
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_temp, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    internal static string Template(string id, string name, params string[] techniques) => $"""
        id: {id}
        name: {name}
        description: Made-up template for the template technique tests (contoso-lab.example).
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActiveDirectory
            dataTypes:
              - AuditLogs
        tactics:
          - Persistence
        relevantTechniques:
        {string.Concat(techniques.Select(t => $"  - {t}\n"))}query: |
          AuditLogs
          | where OperationName == "Disable Strong Authentication"
        kind: Scheduled
        """;

    internal static string Deployed(string ruleId, string name, string templateId, params string[] techniques) => $$"""
        {
          "value": [
            {
              "name": "{{ruleId}}",
              "kind": "Scheduled",
              "properties": {
                "displayName": "{{name}}",
                "enabled": true,
                "query": "AuditLogs | where OperationName == \"Disable Strong Authentication\"",
                "tactics": [ "CredentialAccess", "Persistence" ],
                "techniques": [ {{string.Join(", ", techniques.Select(t => $"\"{t}\""))}} ],
                "alertRuleTemplateName": "{{templateId}}"
              }
            }
          ]
        }
        """;
}
