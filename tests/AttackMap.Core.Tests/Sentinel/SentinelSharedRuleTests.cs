using AttackMap.Sentinel;
using AttackMap.Signals;
using AttackMap.Tests.Detections;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Sentinel;

public sealed class SentinelSharedRuleTests
{
    private static SentinelImportResult ImportShared() => new SentinelRuleImporter().ImportFolder(SharedData.PathOf("sentinel-rules"));

    [SharedDataFact]
    public void ImportFolder_SharedRules_ImportsEveryYamlAndArmRuleWithoutErrors()
    {
        var result = ImportShared();

        result.Errors.Should().BeEmpty();
        result.Rules.Should().HaveCount(34);
        result.Rules.Count(r => r.Format == SentinelRuleFormat.ArmTemplate).Should().Be(2);
        foreach (var rule in result.Rules)
        {
            var key = rule.Format == SentinelRuleFormat.Yaml ? Path.GetFileName(rule.SourceFile) : "arm/" + Path.GetFileName(rule.SourceFile);
            rule.Tables.Where(t => t.InQuery).Select(t => t.Name).Should().Equal(KqlTablesSentinelRuleTests.Expected[key], "rule {0}", key);
        }

        result.Rules.SelectMany(r => r.Techniques).Where(t => t.Status != TechniqueStatus.Current)
            .Should().ContainSingle("only AzDiagSettingsDeleted uses an id revoked in ATT&CK 19.2")
            .Which.Should().Be(new RuleTechnique
            {
                Id = "T1685.002",
                OriginalId = "T1562.008",
                Name = "Disable or Modify Cloud Log",
                Status = TechniqueStatus.Migrated,
                Note = "T1562.008 is revoked in ATT&CK 19.2; migrated to T1685.002 (Disable or Modify Cloud Log).",
            });
    }

    [SharedDataFact]
    public void ImportFolder_SigninPasswordSpray_HasItsTechniqueTablesAndOneFamily()
    {
        var rule = ImportShared().Rules.Single(r => r.SourceFile.EndsWith("SigninPasswordSpray.yaml", StringComparison.Ordinal));

        rule.Id.Should().Be("48607a29-a26a-4abf-8078-a06dbdd174a4");
        rule.Kind.Should().Be("Scheduled");
        rule.Severity.Should().Be("Medium");
        rule.QueryFrequency.Should().Be(TimeSpan.FromDays(1));
        rule.QueryPeriod.Should().Be(TimeSpan.FromDays(7));
        rule.Tactics.Should().Equal("CredentialAccess");
        rule.Techniques.Should().ContainSingle().Which.Should().Be(new RuleTechnique { Id = "T1110", OriginalId = "T1110", Name = "Brute Force", Status = TechniqueStatus.Current });
        rule.Tables.Select(t => (t.Name, t.InDataTypes, t.InQuery)).Should().Equal(
            ("AADNonInteractiveUserSignInLogs", true, true), ("SigninLogs", true, true));
        rule.Families.Should().Equal(LogFamily.EntraSignIn);
        rule.IsCorrelationDependent.Should().BeFalse();
    }

    [SharedDataFact]
    public void ImportFolder_MultiFamilyRules_AreCorrelationDependentWithBothFamilies()
    {
        var rules = ImportShared().Rules.Where(r => r.Format == SentinelRuleFormat.Yaml).ToDictionary(r => Path.GetFileName(r.SourceFile));

        rules["PossibleSignInfromAzureBackdoor.yaml"].Families.Should().Equal(LogFamily.EntraSignIn, LogFamily.EntraAudit);
        rules["PossibleSignInfromAzureBackdoor.yaml"].IsCorrelationDependent.Should().BeTrue();
        var workspace = rules["Suspicious_WorkSpaceDeletion_Attempt.yaml"];
        workspace.Families.Should().Equal(LogFamily.DefenderForCloud, LogFamily.AzureActivity);
        workspace.OtherTables.Should().Equal("IdentityInfo");
        workspace.IsCorrelationDependent.Should().BeTrue();
        workspace.Tables.Single(t => t.Name == "SecurityAlert").InDataTypes.Should().BeTrue("'SecurityAlert (IPC)' names the SecurityAlert table");
        rules.Values.Where(r => r.IsCorrelationDependent).Select(r => Path.GetFileName(r.SourceFile)).Should().BeEquivalentTo(
            "PossibleSignInfromAzureBackdoor.yaml", "Suspicious_WorkSpaceDeletion_Attempt.yaml");
        rules["MFADisable.yaml"].Kind.Should().Be("Scheduled");
        rules["MFADisable.yaml"].OtherTables.Should().Equal("AWSCloudTrail");
        rules["CoreBackupDeletionwithSecurityAlert.yaml"].Kind.Should().Be("Scheduled");
        rules["Azure_CIS_521.yaml"].Techniques.Should().BeEmpty();
    }

    [SharedDataFact]
    public void ImportFolder_ArmExport_MatchesItsYamlTemplate()
    {
        var rules = ImportShared().Rules;
        var arm = rules.Single(r => r.Name == "MFA disabled for a user" && r.Format == SentinelRuleFormat.ArmTemplate);
        var yaml = rules.Single(r => r.Id == arm.TemplateId);

        arm.Enabled.Should().BeTrue();
        arm.Kind.Should().Be("Scheduled");
        arm.Tactics.Should().Equal("CredentialAccess", "Persistence");
        arm.Techniques.Should().Equal(yaml.Techniques, "the export lists none, so the rule takes those of its template");
        arm.Techniques.Select(t => t.Id).Should().Equal("T1098");
        arm.TechniquesTemplateFile.Should().Be("MFADisable.yaml");
        arm.Notes.Should().Contain("techniques taken from template 65c78944-930b-4cae-bd79-c3664ae30ba7 ('MFA disabled for a user', MFADisable.yaml): the deployed rule lists none.");
        rules.Where(r => r.TechniquesTemplateFile is not null).Select(r => r.Name).Should().Equal("Creation of expensive computes in Azure", "MFA disabled for a user");
        arm.Tables.Where(t => t.InQuery).Select(t => t.Name).Should().Equal(yaml.Tables.Where(t => t.InQuery).Select(t => t.Name));
        arm.Families.Should().Equal(yaml.Families);
    }
}
