using AttackMap.Attack;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Tests;

public sealed class AttackMapBuilderTests
{
    [Fact]
    public void Build_Twice_Throws()
    {
        var builder = new AttackMapBuilder();
        builder.Build();

        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*already built*");
        builder.Invoking(b => b.WithoutBuiltInRules()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Build_WithoutBuiltInRulesPlusOneCodeRule_ClassifiesOnlyWithThatRule()
    {
        var rule = new MappingRule("custom.vm-delete", LogFamily.AzureActivity, new[] { "T1485" }, EvidenceKind.CorrelationContext, "Deleting VMs destroys workloads.")
        {
            Keys = new[] { "Microsoft.Compute/virtualMachines/delete" },
        };

        var engine = new AttackMapBuilder().WithoutBuiltInRules().AddRule(rule).Build();

        engine.Rules.Rules.Should().ContainSingle().Which.Id.Should().Be("custom.vm-delete");
        var signal = new AzureActivityEvent(new SignalOrigin("t", 0), "MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE");
        engine.Classify(signal).Should().ContainSingle().Which.Technique.Id.Should().Be("T1485");
    }

    [Fact]
    public void Build_RuleWithRevokedTechnique_ThrowsNamingRuleAndReplacement()
    {
        var rule = new MappingRule("custom.old-diag", LogFamily.AzureActivity, new[] { "T1562.008" }, EvidenceKind.CorrelationContext, "Written against ATT&CK v18.")
        {
            Keys = new[] { "Microsoft.Insights/diagnosticSettings/delete" },
        };

        var build = () => new AttackMapBuilder().AddRule(rule).Build();

        build.Should().Throw<RuleValidationException>().WithMessage("*custom.old-diag*T1562.008*T1685.002*");
    }

    [Fact]
    public void Build_UseCatalogV181_ValidatesTheRulesAgainstIt()
    {
        var rule = new MappingRule("custom.v18", LogFamily.AzureActivity, new[] { "T1562.008" }, EvidenceKind.CorrelationContext, "Written against ATT&CK v18.")
        {
            Keys = new[] { "Microsoft.Insights/diagnosticSettings/delete" },
        };

        var engine = new AttackMapBuilder().UseCatalog(AttackCatalog.LoadEmbedded("18.1")).WithoutBuiltInRules().WithoutBuiltInCorrelations().AddRule(rule).Build();

        engine.Catalog.Version.Should().Be("18.1");
        engine.Rules.Rules.Should().ContainSingle();
    }

    [Fact]
    public void Build_V181CatalogWithBuiltInPacks_ThrowsBecauseTheyTargetV192()
    {
        var build = () => new AttackMapBuilder().UseCatalog(AttackCatalog.LoadEmbedded("18.1")).Build();

        build.Should().Throw<Exception>().WithMessage("*T1685*", "the built-in packs use techniques that v18.1 does not have");
    }

    [Fact]
    public void Build_StrictReader_ThrowsOnTheFirstMalformedRecord()
    {
        var engine = new AttackMapBuilder().ConfigureReader(o => o.Mode = LogReadMode.Strict).Build();

        var read = () => engine.ClassifyJson("{\"records\": [ {\"time\": } ]}", "bad.json");

        read.Should().Throw<LogFormatException>().Which.Origin.File.Should().Be("bad.json");
    }

    [Fact]
    public void Build_RuleThatThrows_IsReportedAndSkipped()
    {
        var failures = new List<RuleFailure>();
        var engine = new AttackMapBuilder().AddRule(new ThrowingRule()).OnRuleFailure(failures.Add).Build();
        var signal = new AzureActivityEvent(new SignalOrigin("t", 3), "Microsoft.Insights/diagnosticSettings/delete");

        var evidence = engine.Classify(signal);

        evidence.Should().Contain(e => e.Technique.Id == "T1685.002", "the built-in rule still runs");
        failures.Should().ContainSingle().Which.Rule.Id.Should().Be("custom.throws");
    }

    private sealed class ThrowingRule : MappingRule
    {
        public ThrowingRule()
            : base("custom.throws", LogFamily.AzureActivity, new[] { "T1485" }, EvidenceKind.CorrelationContext, "A broken code rule.")
        {
            Keys = new[] { "Microsoft.Insights/diagnosticSettings/delete" };
        }

        public override bool Matches(Signal signal) => throw new InvalidOperationException("boom");
    }
}
