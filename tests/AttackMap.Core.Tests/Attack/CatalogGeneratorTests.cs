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

    [Fact]
    public void Write_TechniqueWithLogSources_WritesThemOrderedAfterTheOtherFields()
    {
        var reference = new AttackLogSourceReference
        {
            Name = "azure:policy", Channel = "UpdatePolicy", AnalyticId = "AN0290", DetectionStrategyId = "DET0104", Platform = "Identity Provider", AttackVersion = "18.1",
        };
        var catalog = new AttackCatalog(
            "19.2",
            new[] { new Tactic("TA0006", "credential-access", "Credential Access", 0) },
            new[]
            {
                new Technique
                {
                    Id = "T1556", Name = "Modify Authentication Process", Tactics = new[] { "credential-access" },
                    AzureLogSources = new[] { reference with { AnalyticId = "AN0291", SourceTechniqueId = "T1556" }, reference },
                },
            });
        var header = new CatalogHeader { Version = "19.2", Derived = true, Sources = new[] { "a.tsv" }, Description = "test", Copyright = "© MITRE" };

        var line = CatalogJsonWriter.Write(header, catalog).Split('\n')[6];

        line.Should().Be("{\"id\":\"T1556\",\"name\":\"Modify Authentication Process\",\"tactics\":[\"credential-access\"],\"platforms\":[],\"logSources\":["
            + "{\"name\":\"azure:policy\",\"channel\":\"UpdatePolicy\",\"analytic\":\"AN0290\",\"strategy\":\"DET0104\",\"platform\":\"Identity Provider\",\"version\":\"18.1\"},"
            + "{\"name\":\"azure:policy\",\"channel\":\"UpdatePolicy\",\"analytic\":\"AN0291\",\"strategy\":\"DET0104\",\"platform\":\"Identity Provider\",\"version\":\"18.1\",\"sourceTechnique\":\"T1556\"}]}");
    }

    [SharedDataFact]
    public void Generate_DerivedCatalog_RecordsWhereItsLogSourcesComeFrom()
    {
        var derived = CatalogGenerator.CatalogGenerator.Generate(SharedData.PathOf("attack")).Single(o => o.FileName == "enterprise-attack-19.2.json").Content;

        derived.Should().Contain("enterprise-attack-18.1.json (logSources: the Azure and Entra ID log sources that MITRE's v18.1 analytics name, 64 references on 52 techniques, carried over from v18.1; not carried: T1562 (split, no single successor))")
            .And.Contain("\"analytic\":\"AN0802\",\"strategy\":\"DET0289\",\"platform\":\"Identity Provider\",\"version\":\"18.1\",\"sourceTechnique\":\"T1562.008\"");
    }
}
