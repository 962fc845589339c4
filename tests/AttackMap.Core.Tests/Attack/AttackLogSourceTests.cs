using System.Text;
using AttackMap.Attack;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Attack;

/// <summary>The Azure and Entra ID log sources of MITRE's analytics: from a STIX bundle, in the embedded catalogs, carried into v19.2.</summary>
public sealed class AttackLogSourceTests
{
    private static readonly Lazy<AttackCatalog> Bundle = new(() => AttackCatalog.Load(SharedData.PathOf("attack/enterprise-attack-18.1.json")));

    // MITRE's v18 shape: a detection strategy detects a technique and lists analytics; analytics name log sources.
    private const string DetectionBundle = """
        {"type":"bundle","id":"bundle--00000000-0000-4000-8000-0000000000b2","objects":[
          {"type":"x-mitre-tactic","id":"x-mitre-tactic--00000000-0000-4000-8000-0000000000e1","name":"Credential Access","x_mitre_shortname":"credential-access",
           "external_references":[{"source_name":"mitre-attack","external_id":"TA0006"}]},
          {"type":"attack-pattern","id":"attack-pattern--00000000-0000-4000-8000-0000000000f1","name":"Brute Force",
           "external_references":[{"source_name":"mitre-attack","external_id":"T1110"}],
           "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"credential-access"}],"x_mitre_platforms":["Identity Provider"]},
          {"type":"attack-pattern","id":"attack-pattern--00000000-0000-4000-8000-0000000000f2","name":"Password Guessing",
           "external_references":[{"source_name":"mitre-attack","external_id":"T1110.001"}],
           "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"credential-access"}],"x_mitre_platforms":["Identity Provider"]},
          {"type":"x-mitre-detection-strategy","id":"x-mitre-detection-strategy--00000000-0000-4000-8000-0000000000d1",
           "external_references":[{"source_name":"mitre-attack","external_id":"DET0900"}],
           "x_mitre_analytic_refs":["x-mitre-analytic--00000000-0000-4000-8000-0000000000a2","x-mitre-analytic--00000000-0000-4000-8000-0000000000a1","x-mitre-analytic--00000000-0000-4000-8000-0000000000a3"]},
          {"type":"x-mitre-analytic","id":"x-mitre-analytic--00000000-0000-4000-8000-0000000000a1",
           "external_references":[{"source_name":"mitre-attack","external_id":"AN0901"}],"x_mitre_platforms":["Identity Provider"],
           "x_mitre_log_source_references":[{"name":"Azure:SignInLogs","channel":"failed sign-ins"},{"name":"AWS:CloudTrail","channel":"ConsoleLogin"}]},
          {"type":"x-mitre-analytic","id":"x-mitre-analytic--00000000-0000-4000-8000-0000000000a2",
           "external_references":[{"source_name":"mitre-attack","external_id":"AN0900"}],"x_mitre_platforms":["IaaS"],
           "x_mitre_log_source_references":[{"name":"azure:activity","channel":"Microsoft.Compute/virtualMachines/write"}]},
          {"type":"x-mitre-analytic","id":"x-mitre-analytic--00000000-0000-4000-8000-0000000000a3","x_mitre_deprecated":true,
           "external_references":[{"source_name":"mitre-attack","external_id":"AN0902"}],"x_mitre_platforms":["IaaS"],
           "x_mitre_log_source_references":[{"name":"azure:audit","channel":"Add user"}]},
          {"type":"relationship","id":"relationship--00000000-0000-4000-8000-0000000000c1","relationship_type":"detects",
           "source_ref":"x-mitre-detection-strategy--00000000-0000-4000-8000-0000000000d1","target_ref":"attack-pattern--00000000-0000-4000-8000-0000000000f1"}
        ]}
        """;

    [Fact]
    public void Load_BundleWithDetectionStrategy_KeepsOnlyAzureSourcesOfCurrentAnalyticsInOrder()
    {
        var catalog = AttackCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(DetectionBundle)), "18.1");

        var sources = catalog.GetTechnique("T1110").AzureLogSources;

        sources.Select(s => (s.AnalyticId, s.Name, s.Channel, s.Platform)).Should().Equal(
            ("AN0900", "azure:activity", "Microsoft.Compute/virtualMachines/write", "IaaS"),
            ("AN0901", "Azure:SignInLogs", "failed sign-ins", "Identity Provider"));
        sources.Should().OnlyContain(s => s.DetectionStrategyId == "DET0900" && s.AttackVersion == "18.1" && s.SourceTechniqueId == null);
        sources[1].Url.Should().Be("https://attack.mitre.org/versions/v18/detectionstrategies/DET0900#AN0901");
        (sources[1] with { AttackVersion = "" }).Url.Should().Be("https://attack.mitre.org/detectionstrategies/DET0900#AN0901", "no version: the live site, as in the bundle");
        catalog.GetTechnique("T1110.001").AzureLogSources.Should().BeEmpty("no detection strategy detects it");
    }

    [Theory]
    [InlineData("azure:signinlogs", true)]
    [InlineData("Azure:SigninLogs", true)]
    [InlineData(" microsoft entra id audit logs ", true)]
    [InlineData("ApplicationLog:EntraIDPortal", true)]
    [InlineData("azure:vpcflow", true)]
    [InlineData("m365:unified", false)]
    [InlineData("azure:signin", false)]
    [InlineData(null, false)]
    public void IsAzureSourceName_KnownNames_CaseInsensitive(string? name, bool expected) =>
        AttackLogSourceReference.IsAzureSourceName(name).Should().Be(expected);

    [SharedDataFact]
    public void Load_OfficialBundle_BruteForceHasItsSignInAnalytic()
    {
        var source = Bundle.Value.GetTechnique("T1110").AzureLogSources.Should().ContainSingle().Subject;

        (source.Name, source.Channel, source.AnalyticId, source.DetectionStrategyId, source.Platform, source.AttackVersion)
            .Should().Be(("azure:signinlogs", "Sign-in logs", "AN1277", "DET0463", "Identity Provider", "18.1"));
        source.Url.Should().Be("https://attack.mitre.org/versions/v18/detectionstrategies/DET0463#AN1277");
    }

    [SharedDataFact]
    public void Load_OfficialBundle_CloudAdministrationCommandHasActivityAndVmGuestSources()
    {
        var sources = Bundle.Value.GetTechnique("T1651").AzureLogSources;

        sources.Select(s => (s.Name, s.AnalyticId, s.DetectionStrategyId, s.Platform)).Should().Equal(
            ("azure:activity", "AN1502", "DET0545", "IaaS"),
            ("azure:vmguest", "AN1502", "DET0545", "IaaS"));
        sources[0].Channel.Should().StartWith("Microsoft.Compute/virtualMachines/runCommand/action");
    }

    [SharedDataFact]
    public void Load_OfficialBundle_CountsMatchTheAnalyticsAndEqualTheEmbedded181Catalog()
    {
        var fromBundle = Bundle.Value.GetTechniques(includeRevokedAndDeprecated: true);
        var embedded = AttackCatalog.LoadEmbedded("18.1");

        fromBundle.Sum(t => t.AzureLogSources.Count).Should().Be(65);
        fromBundle.Count(t => t.AzureLogSources.Count > 0).Should().Be(53);
        foreach (var technique in fromBundle)
        {
            embedded.GetTechnique(technique.Id).AzureLogSources.Should().Equal(technique.AzureLogSources, technique.Id);
        }
    }

    [Fact]
    public void LoadEmbedded181_TenantPolicyAndDeviceRegistration_HaveTheirEntraSources()
    {
        var catalog = AttackCatalog.LoadEmbedded("18.1");

        catalog.GetTechnique("T1098.005").AzureLogSources.Select(s => s.Name).Should().Equal("ApplicationLog:EntraIDPortal", "azure:audit", "azure:audit");
        catalog.GetTechnique("T1087.004").AzureLogSources.Select(s => (s.AnalyticId, s.Name)).Should().Equal(
            ("AN1087", "azure:signinlogs"), ("AN1087", "Microsoft Entra ID Audit Logs"), ("AN1088", "azure:activity"));
        catalog.GetTechnique("T1562.008").AzureLogSources.Single().Name.Should().Be("azure:policy");
        catalog.GetTechnique("T1003").AzureLogSources.Should().BeEmpty("its analytics name Windows and Linux sources only");
    }

    [Fact]
    public void Default_DerivedV192_CarriesV181SourcesToTheNewIds()
    {
        var catalog = AttackCatalog.Default;

        var cloudLog = catalog.GetTechnique("T1685.002").AzureLogSources.Should().ContainSingle().Subject;
        (cloudLog.Name, cloudLog.AnalyticId, cloudLog.DetectionStrategyId, cloudLog.AttackVersion, cloudLog.SourceTechniqueId)
            .Should().Be(("azure:policy", "AN0802", "DET0289", "18.1", "T1562.008"));
        catalog.GetTechnique("T1562.008").AzureLogSources.Should().BeEmpty("revoked in v19; its sources moved to T1685.002");
        catalog.GetTechnique("T1685").AzureLogSources.Should().BeEmpty("T1562 was split, so its azure:policy analytic has no single successor");
        var bruteForce = catalog.GetTechnique("T1110").AzureLogSources.Should().ContainSingle().Subject;
        bruteForce.Should().Be(AttackCatalog.LoadEmbedded("18.1").GetTechnique("T1110").AzureLogSources.Single());
        catalog.GetTechniques().Sum(t => t.AzureLogSources.Count).Should().Be(64);
        catalog.Provenance.Should().Contain("the log sources (logSources) are v18.1's, carried over to the v19 ids");
    }
}
