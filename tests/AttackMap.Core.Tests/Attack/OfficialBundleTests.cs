using AttackMap.Attack;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Attack;

/// <summary>Checks against MITRE's v18.1 bundle and the tables extracted from it (../shared/data/attack).</summary>
public sealed class OfficialBundleTests
{
    private static readonly Lazy<AttackCatalog> Bundle = new(() => AttackCatalog.Load(SharedData.PathOf("attack/enterprise-attack-18.1.json")));

    [SharedDataFact]
    public void Load_OfficialBundle_VersionComesFromTheFileName()
    {
        var catalog = Bundle.Value;

        catalog.Version.Should().Be("18.1");
        catalog.Provenance.Should().Contain("bundle--27232b88-828e-58c9-aba4-0930b2ce8b21");
        catalog.Count.Should().Be(835);
    }

    [SharedDataFact]
    public async Task LoadAsync_OfficialBundleFileStream_GivesVersion181()
    {
        await using var stream = File.OpenRead(SharedData.PathOf("attack/enterprise-attack-18.1.json"));

        var catalog = await AttackCatalog.LoadAsync(stream);

        catalog.Version.Should().Be("18.1");
        catalog.GetTechniques().Should().HaveCount(691);
    }

    [SharedDataFact]
    public void Load_OfficialBundle_EqualsTheEmbedded181Catalog()
    {
        var fromBundle = Bundle.Value;
        var embedded = AttackCatalog.LoadEmbedded("18.1");

        embedded.Tactics.Should().Equal(fromBundle.Tactics);
        var expected = fromBundle.GetTechniques(includeRevokedAndDeprecated: true);
        var actual = embedded.GetTechniques(includeRevokedAndDeprecated: true);
        actual.Select(t => t.Id).Should().Equal(expected.Select(t => t.Id));
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            a.Name.Should().Be(e.Name, e.Id);
            a.Tactics.Should().Equal(e.Tactics, e.Id);
            a.Platforms.Should().Equal(e.Platforms, e.Id);
            (a.IsRevoked, a.RevokedBy, a.IsDeprecated, a.StixId, a.Version, a.Modified)
                .Should().Be((e.IsRevoked, e.RevokedBy, e.IsDeprecated, e.StixId, e.Version, e.Modified), e.Id);
        }
    }

    [SharedDataFact]
    public void Load_OfficialBundle_MatchesTechniquesTsv()
    {
        var catalog = Bundle.Value;
        var rows = File.ReadAllLines(SharedData.PathOf("attack/techniques.tsv")).Skip(1).Select(l => l.Split('\t')).ToArray();

        rows.Should().HaveCount(catalog.Count);
        foreach (var row in rows)
        {
            var t = catalog.GetTechnique(row[0]);
            t.Name.Should().Be(row[1]);
            t.Tactics.Should().BeEquivalentTo(row[4].Split(',', StringSplitOptions.RemoveEmptyEntries), row[0]);
            t.Platforms.Should().Equal(row[5].Split(',', StringSplitOptions.RemoveEmptyEntries), row[0]);
            t.IsDeprecated.Should().Be(row[6] == "true", row[0]);
            t.IsRevoked.Should().Be(row[7] == "true", row[0]);
            (t.RevokedBy ?? string.Empty).Should().Be(row[8], row[0]);
            t.StixId.Should().Be(row[9]);
        }
    }

    [SharedDataFact]
    public void Load_OfficialBundle_TacticsMatchTacticsTsv()
    {
        var rows = File.ReadAllLines(SharedData.PathOf("attack/tactics.tsv")).Skip(1).Select(l => l.Split('\t')).ToArray();

        Bundle.Value.Tactics.Select(t => (t.Id, t.ShortName, t.Name, t.Order + 1))
            .Should().Equal(rows.Select(r => (r[0], r[1], r[2], int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))));
    }
}
