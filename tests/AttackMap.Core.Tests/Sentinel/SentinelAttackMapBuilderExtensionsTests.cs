using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Sentinel;
using AttackMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AttackMap.Tests.Sentinel;

public sealed class SentinelAttackMapBuilderExtensionsTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel");

    private static readonly string[] GoodFiles = { "LegacyTechniques.yaml", "Quirks.yaml" };

    [Fact]
    public void AddSentinelRules_FixturesWithTwoBrokenFiles_ThrowsAtBuildListingEveryErrorWithFileAndLine()
    {
        var builder = new AttackMapBuilder().AddSentinelRules(Fixtures);

        var exception = builder.Invoking(b => b.Build()).Should().Throw<SentinelImportException>().Which;

        exception.Path.Should().Be(Fixtures);
        exception.Errors.Should().HaveCount(2);
        exception.Result.Rules.Should().HaveCount(3);
        exception.Message.Should().StartWith($"2 Microsoft Sentinel analytics rule import errors in '{Fixtures}' (3 rules imported):");
        exception.Message.Should().Contain("  broken.yaml(7,").And.Contain("invalid YAML");
        exception.Message.Should().Contain("  rest-export.json value[1]: the Scheduled rule has no 'properties.query'");
    }

    [Fact]
    public void AddSentinelRules_WithCallback_ImportsTheThreeGoodRulesAndReportsTheErrors()
    {
        SentinelImportResult? seen = null;

        var engine = new AttackMapBuilder().WithoutBuiltInRules().AddSentinelRules(Fixtures, r => seen = r).Build();

        seen.Should().NotBeNull();
        seen!.Rules.Select(r => r.Name).Should().Equal("Lab rule with legacy technique ids", "Lab quirks", "Lab risky sign-in then role assignment");
        seen.Errors.Select(e => e.SourceRelativePath).Should().Equal("broken.yaml", "rest-export.json");
        var expected = SentinelCoverageRules.ToMappingRules(new SentinelRuleImporter().ImportFolder(Fixtures).Rules);
        engine.CoverageDetections.Select(d => d.Id).Should().Equal(expected.Select(d => d.Id)).And.NotBeEmpty();
        engine.Rules.Rules.Should().BeEmpty();
    }

    [Fact]
    public void AddSentinelRules_GoodFile_CountsItsTechniquesInCoverageByDefault()
    {
        var path = Path.Combine(Fixtures, GoodFiles[0]);
        var without = new AttackMapBuilder().WithoutBuiltInRules().Build().CalculateCoverage();

        var engine = new AttackMapBuilder().WithoutBuiltInRules().AddSentinelRules(path).Build();
        var report = engine.CalculateCoverage();

        without.GetCoverage("T1078.004").Status.Should().NotBe(CoverageStatus.Direct);
        var coverage = report.GetCoverage("T1078.004");
        coverage.Status.Should().Be(CoverageStatus.Direct);
        coverage.RuleIds.Should().Equal("sentinel:00000000-0000-4000-8000-0000000000a1");
        report.UnresolvedMappings.Should().ContainSingle().Which.Should().Contain("T9999", "unknown ids are reported, not rejected");
    }

    [Fact]
    public void AddSentinelRules_UsesTheBuilderCatalogEvenWhenChosenAfterwards()
    {
        SentinelImportResult? seen = null;
        var builder = new AttackMapBuilder().WithoutBuiltInRules().WithoutBuiltInCorrelations()
            .AddSentinelRules(Path.Combine(Fixtures, GoodFiles[0]), r => seen = r)
            .UseCatalog(AttackCatalog.LoadEmbedded("18.1"));

        seen.Should().BeNull("the import is deferred to Build");
        builder.Build();

        seen!.Rules.Should().ContainSingle().Which.Notes.Should().Contain(n => n.StartsWith("T1004 is revoked in ATT&CK 18.1", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSentinelRules_SameFolderTwice_ThrowsDuplicateRuleId()
    {
        var path = Path.Combine(Fixtures, GoodFiles[0]);

        var build = () => new AttackMapBuilder().AddSentinelRules(path).AddSentinelRules(path).Build();

        build.Should().Throw<AttackMap.Mapping.RuleValidationException>().WithMessage("*DuplicateRuleId*sentinel:00000000-0000-4000-8000-0000000000a1*");
    }

    [Fact]
    public void AddSentinelRules_MissingPath_ThrowsAtBuild()
    {
        var missing = Path.Combine(Fixtures, "no-such-folder");
        var builder = new AttackMapBuilder().AddSentinelRules(missing);

        builder.Invoking(b => b.Build()).Should().Throw<FileNotFoundException>().WithMessage($"*'{missing}'*");
        new AttackMapBuilder().Invoking(b => b.AddSentinelRules(null!)).Should().Throw<ArgumentNullException>();
        new AttackMapBuilder().Invoking(b => b.AddSentinelRules(Fixtures, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void AddAttackMap_AddSentinelRules_ResolvesAnEngineThatCountsThem()
    {
        var path = Path.Combine(Fixtures, GoodFiles[0]);
        using var provider = new ServiceCollection().AddAttackMap(b => b.AddSentinelRules(path)).BuildServiceProvider();

        var engine = provider.GetRequiredService<AttackMapEngine>();

        engine.CoverageDetections.Select(d => d.Id).Should().Equal("sentinel:00000000-0000-4000-8000-0000000000a1");
        engine.CalculateCoverage().GetCoverage("T1078.004").RuleIds.Should().Contain("sentinel:00000000-0000-4000-8000-0000000000a1");
    }

    [Fact]
    public void AddAttackMap_AddSentinelRulesWithErrors_ThrowsOnResolve()
    {
        using var provider = new ServiceCollection().AddAttackMap(b => b.AddSentinelRules(Fixtures)).BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<AttackMapEngine>();

        resolve.Should().Throw<SentinelImportException>().Which.Errors.Should().HaveCount(2);
    }

    [SharedDataFact]
    public void AddSentinelRules_SharedRules_GiveTheSameReportAsPassingThemPerCall()
    {
        var folder = SharedData.PathOf("sentinel-rules");
        var perCall = new AttackMapEngine();
        var imported = SentinelCoverageRules.ToMappingRules(new SentinelRuleImporter(perCall.Catalog).ImportFolder(folder).Rules);

        var engine = new AttackMapBuilder().AddSentinelRules(folder).Build();

        engine.ToJsonReport(engine.CalculateCoverage()).Should().Be(perCall.ToJsonReport(perCall.CalculateCoverage(additionalDetections: imported)));
    }

    [Fact]
    public void AddSentinelRules_FolderWithoutRuleFiles_FailsAtBuild()
    {
        var empty = Directory.CreateTempSubdirectory("attackmap-empty-rules-").FullName;
        try
        {
            var act = () => new AttackMapBuilder().AddSentinelRules(empty).Build();

            act.Should().Throw<InvalidDataException>().WithMessage($"No Microsoft Sentinel analytics rule in '{empty}'*");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void AddSentinelRules_RelativePath_IsResolvedWhenAdded()
    {
        var relative = Path.Combine("no-such-folder-" + Guid.NewGuid().ToString("N"), "rules");
        var expected = Path.GetFullPath(relative);
        var builder = new AttackMapBuilder().AddSentinelRules(relative);

        var act = () => builder.Build();

        act.Should().Throw<FileNotFoundException>().Which.FileName.Should().Be(expected, "the path was made absolute when the rules were added");
    }
}
