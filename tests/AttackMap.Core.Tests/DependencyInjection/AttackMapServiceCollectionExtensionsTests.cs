using AttackMap.Attack;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace AttackMap.Tests.DependencyInjection;

public sealed class AttackMapServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAttackMap_Default_ResolvesOneEngineAndItsParts()
    {
        using var provider = new ServiceCollection().AddAttackMap().BuildServiceProvider();

        var engine = provider.GetRequiredService<AttackMapEngine>();

        provider.GetRequiredService<AttackMapEngine>().Should().BeSameAs(engine);
        provider.GetRequiredService<AttackCatalog>().Should().BeSameAs(engine.Catalog);
        provider.GetRequiredService<RuleRegistry>().Should().BeSameAs(engine.Rules);
        provider.GetRequiredService<LogReader>().Should().BeSameAs(engine.Reader);
    }

    [Fact]
    public void AddAttackMap_CalledTwice_RegistersOnceAndAppliesBothActionsInOrder()
    {
        var rule = new MappingRule("custom.one", LogFamily.AzureActivity, new[] { "T1485" }, EvidenceKind.CorrelationContext, "A test rule.")
        {
            Keys = new[] { "Microsoft.Compute/virtualMachines/delete" },
        };
        var services = new ServiceCollection()
            .AddAttackMap(b => b.WithoutBuiltInRules())
            .AddAttackMap(b => b.AddRule(rule));

        using var provider = services.BuildServiceProvider();

        services.Count(d => d.ServiceType == typeof(AttackMapEngine)).Should().Be(1);
        provider.GetRequiredService<AttackMapEngine>().Rules.Rules.Select(r => r.Id).Should().Equal("custom.one");
    }

    [Fact]
    public void AddAttackMap_NotResolved_BuildsNothing()
    {
        var called = false;
        using var provider = new ServiceCollection().AddAttackMap(_ => called = true).BuildServiceProvider();

        called.Should().BeFalse("the engine is built lazily on first use");
        provider.GetRequiredService<AttackMapEngine>();
        called.Should().BeTrue();
    }

    [Fact]
    public void AddAttackMap_AddCoverageDetections_EngineCountsThemInCoverage()
    {
        var detection = new MappingRule("siem:brute-force", LogFamily.EntraSignIn, new[] { "T1110" }, EvidenceKind.DirectDetection, "An imported detection.");
        using var provider = new ServiceCollection()
            .AddAttackMap(b => b.WithoutBuiltInRules())
            .AddAttackMap(b => b.AddCoverageDetections(_ => new[] { detection }))
            .BuildServiceProvider();

        var engine = provider.GetRequiredService<AttackMapEngine>();

        engine.CoverageDetections.Should().ContainSingle().Which.Should().BeSameAs(detection);
        engine.CalculateCoverage().GetCoverage("T1110").RuleIds.Should().Equal("siem:brute-force");
    }
}
