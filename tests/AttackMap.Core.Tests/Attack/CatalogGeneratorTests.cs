using System.Text;
using AttackMap.Attack;
using AttackMap.CatalogGenerator;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Attack;

public sealed class CatalogGeneratorTests
{
    [SharedDataFact]
    public void Generate_TwiceFromTheSameData_GivesIdenticalBytes()
    {
        var first = CatalogGenerator.CatalogGenerator.Generate(SharedData.PathOf("attack"));
        var second = CatalogGenerator.CatalogGenerator.Generate(SharedData.PathOf("attack"));

        first.Select(o => o.FileName).Should().Equal("NOTICE-ATTACK.txt", "enterprise-attack-18.1.json", "enterprise-attack-19.2.json");
        second.Should().Equal(first);
    }

    [SharedDataFact]
    public void GenerateAll_WritesFilesIdenticalToTheEmbeddedOnes()
    {
        var output = Path.Combine(Path.GetTempPath(), "attackmap-catalogs-" + Guid.NewGuid().ToString("N"));
        try
        {
            CatalogGenerator.CatalogGenerator.GenerateAll(SharedData.PathOf("attack"), output);

            foreach (var version in AttackCatalog.EmbeddedVersions)
            {
                var name = $"enterprise-attack-{version}.json";
                using var resource = typeof(AttackCatalog).Assembly.GetManifestResourceStream("AttackMap.Attack.Catalogs." + name)!;
                using var copy = new MemoryStream();
                resource.CopyTo(copy);
                File.ReadAllBytes(Path.Combine(output, name)).Should().Equal(copy.ToArray(), $"{name} must be regenerated with the generator");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [SharedDataFact]
    public void Generate_Notice_ReproducesMitreCopyrightAndLicence()
    {
        var notice = CatalogGenerator.CatalogGenerator.Generate(SharedData.PathOf("attack")).Single(o => o.FileName == "NOTICE-ATTACK.txt").Content;

        notice.Should().Contain("© 2025 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.")
            .And.Contain("hereby grants you a non-exclusive, royalty-free license to use ATT&CK")
            .And.Contain("Disclaimers")
            .And.NotContain("CAPEC");
    }

    [Fact]
    public void Write_Catalog_PutsOneTechniquePerLineSortedAndOmitsUnknownFields()
    {
        var catalog = new AttackCatalog(
            "19.2",
            new[] { new Tactic("TA0005", "stealth", "Stealth", 0) },
            new[]
            {
                new Technique { Id = "T1684", Name = "Social Engineering", Tactics = new[] { "stealth" } },
                new Technique { Id = "T1036", Name = "Masquerading", Tactics = new[] { "stealth" }, Platforms = new[] { "Windows" } },
            });
        var header = new CatalogHeader { Version = "19.2", Derived = true, Sources = new[] { "a.tsv" }, Description = "test", Copyright = "© MITRE" };

        var text = CatalogJsonWriter.Write(header, catalog);

        var lines = text.Split('\n');
        lines[6].Should().Be("{\"id\":\"T1036\",\"name\":\"Masquerading\",\"tactics\":[\"stealth\"],\"platforms\":[\"Windows\"]},");
        lines[7].Should().Be("{\"id\":\"T1684\",\"name\":\"Social Engineering\",\"tactics\":[\"stealth\"],\"platforms\":[]}");
        text.Should().EndWith("]\n}\n");
        Encoding.UTF8.GetByteCount(text).Should().BeLessThan(2000);
    }
}
