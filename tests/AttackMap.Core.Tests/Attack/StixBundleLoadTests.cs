using System.Text;
using AttackMap.Attack;

namespace AttackMap.Tests.Attack;

public sealed class StixBundleLoadTests
{
    // A miniature bundle in MITRE's shape: collection, matrix, two tactics, three attack-patterns, one revoked-by link.
    private const string MiniBundle = """
        {"type":"bundle","id":"bundle--00000000-0000-4000-8000-0000000000b1","objects":[
          {"type":"x-mitre-collection","id":"x-mitre-collection--00000000-0000-4000-8000-0000000000c1","name":"Enterprise ATT&CK","x_mitre_version":"17.1"},
          {"type":"x-mitre-matrix","id":"x-mitre-matrix--00000000-0000-4000-8000-0000000000d1","name":"Enterprise ATT&CK",
           "external_references":[{"source_name":"mitre-attack","external_id":"enterprise-attack"}],
           "tactic_refs":["x-mitre-tactic--00000000-0000-4000-8000-0000000000e2","x-mitre-tactic--00000000-0000-4000-8000-0000000000e1"]},
          {"type":"x-mitre-tactic","id":"x-mitre-tactic--00000000-0000-4000-8000-0000000000e1","name":"Persistence","x_mitre_shortname":"persistence",
           "external_references":[{"source_name":"mitre-attack","external_id":"TA0003"}]},
          {"type":"x-mitre-tactic","id":"x-mitre-tactic--00000000-0000-4000-8000-0000000000e2","name":"Initial Access","x_mitre_shortname":"initial-access",
           "external_references":[{"source_name":"mitre-attack","external_id":"TA0001"}]},
          {"type":"attack-pattern","id":"attack-pattern--00000000-0000-4000-8000-0000000000f1","name":"Cloud Accounts","revoked":false,
           "external_references":[{"source_name":"mitre-attack","external_id":"T1078.004"},{"source_name":"other","external_id":"X1"}],
           "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"persistence"},{"kill_chain_name":"mitre-attack","phase_name":"initial-access"},{"kill_chain_name":"other","phase_name":"x"}],
           "x_mitre_platforms":["Azure AD","Office 365"],"x_mitre_version":"1.8","modified":"2025-04-15T19:58:03.541Z"},
          {"type":"attack-pattern","id":"attack-pattern--00000000-0000-4000-8000-0000000000f2","name":"Old Accounts","revoked":true,
           "external_references":[{"source_name":"mitre-attack","external_id":"T1001"}]},
          {"type":"attack-pattern","id":"attack-pattern--00000000-0000-4000-8000-0000000000f3","name":"Gone","x_mitre_deprecated":true,
           "external_references":[{"source_name":"mitre-attack","external_id":"T1002"}],
           "kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"persistence"}]},
          {"type":"relationship","id":"relationship--00000000-0000-4000-8000-0000000000a1","relationship_type":"revoked-by",
           "source_ref":"attack-pattern--00000000-0000-4000-8000-0000000000f2","target_ref":"attack-pattern--00000000-0000-4000-8000-0000000000f1"}
        ]}
        """;

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Load_MiniBundle_ReadsTacticsTechniquesAndRevocations()
    {
        var catalog = AttackCatalog.Load(Utf8(MiniBundle));

        catalog.Version.Should().Be("17.1", "the x-mitre-collection states it");
        catalog.IsDerived.Should().BeFalse();
        catalog.Tactics.Select(t => t.Id).Should().Equal("TA0001", "TA0003");
        var cloud = catalog.GetTechnique("T1078.004");
        cloud.Tactics.Should().Equal("initial-access", "persistence");
        cloud.Platforms.Should().Equal("Azure AD", "Office 365");
        cloud.Version.Should().Be("1.8");
        cloud.Modified.Should().Be(new DateTimeOffset(2025, 4, 15, 19, 58, 3, 541, TimeSpan.Zero));
        catalog.GetTechnique("T1001").RevokedBy.Should().Be("T1078.004");
        catalog.ResolveCurrent("T1001")!.Id.Should().Be("T1078.004");
        catalog.GetTechnique("T1002").IsDeprecated.Should().BeTrue();
        catalog.GetTechniques().Select(t => t.Id).Should().Equal("T1078.004");
        catalog.GetTechniquesForPlatforms(AttackCatalog.AzurePlatforms).Should().HaveCount(1);
    }

    [Fact]
    public async Task LoadAsync_MiniBundle_GivesTheSameCatalog()
    {
        var catalog = await AttackCatalog.LoadAsync(Utf8(MiniBundle), CancellationToken.None);

        catalog.Version.Should().Be("17.1");
        catalog.Count.Should().Be(3);
    }

    [Fact]
    public void Load_StreamWithoutVersion_ThrowsAndAsksForIt()
    {
        var withoutCollection = MiniBundle.Replace("\"type\":\"x-mitre-collection\"", "\"type\":\"x-something-else\"", StringComparison.Ordinal);

        var act = () => AttackCatalog.Load(Utf8(withoutCollection));

        act.Should().Throw<InvalidDataException>().WithMessage("*does not state its ATT&CK version*");
        AttackCatalog.Load(Utf8(withoutCollection), "16.1").Version.Should().Be("16.1");
    }

    [Theory]
    [InlineData("enterprise-attack-16.1.json", "16.1")]
    [InlineData("enterprise-attack-9.0-slim.json", "9.0")]
    public void LoadPath_BundleWithoutCollection_TakesTheVersionFromTheFileName(string fileName, string version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "attackmap-stix-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, fileName);
            File.WriteAllText(path, MiniBundle.Replace("\"type\":\"x-mitre-collection\"", "\"type\":\"x-other\"", StringComparison.Ordinal));

            AttackCatalog.Load(path).Version.Should().Be(version);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("{\"type\":\"report\",\"objects\":[]}", "*Expected an ATT&CK Enterprise STIX bundle*")]
    [InlineData("[1,2,3]", "*Expected an ATT&CK Enterprise STIX bundle*")]
    [InlineData("{\"type\":\"bundle\",\"objects\":[]}", "*0 tactics and 0 attack-patterns*")]
    [InlineData("TimeGenerated,OperationName\n2026-01-01,Sign-in", "*not valid JSON*")]
    public void Load_NotABundle_ThrowsInvalidDataSayingWhatWasExpected(string content, string message)
    {
        var act = () => AttackCatalog.Load(Utf8(content));

        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public async Task LoadAsync_NotJson_ThrowsInvalidData()
    {
        var act = () => AttackCatalog.LoadAsync(Utf8("not json"));

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("*Expected an ATT&CK Enterprise STIX bundle*");
    }

    [Fact]
    public void Load_OtherDomain_IsRejected()
    {
        var mobile = MiniBundle.Replace("\"external_id\":\"enterprise-attack\"", "\"external_id\":\"mobile-attack\"", StringComparison.Ordinal);

        var act = () => AttackCatalog.Load(Utf8(mobile));

        act.Should().Throw<InvalidDataException>().WithMessage("*mobile-attack*");
    }
}
