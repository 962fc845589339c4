using AttackMap.Attack;
using AttackMap.Coverage;
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

    private const string VmDeleteRecord = """{"time":"2026-11-20T10:03:00Z","resourceId":"/SUBSCRIPTIONS/00000000-0000-4000-8000-00000000C0DE/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1","operationName":"MICROSOFT.COMPUTE/VIRTUALMACHINES/DELETE","category":"Administrative","resultType":"Success"}""";

    private static MappingRule Detection(string id, LogFamily family, params string[] techniques) =>
        new(id, family, techniques, EvidenceKind.DirectDetection, "An imported detection.") { Location = $"{id}.yaml" };

    [Fact]
    public void AddCoverageDetections_CountedByDefault_MakesTheTechniqueDirect()
    {
        var without = new AttackMapBuilder().WithoutBuiltInRules().Build();
        var with = new AttackMapBuilder().WithoutBuiltInRules().AddCoverageDetections(new[] { Detection("siem:brute-force", LogFamily.EntraSignIn, "T1110") }).Build();

        without.CalculateCoverage().GetCoverage("T1110").Status.Should().NotBe(CoverageStatus.Direct);
        var coverage = with.CalculateCoverage().GetCoverage("T1110");
        coverage.Status.Should().Be(CoverageStatus.Direct);
        coverage.RuleIds.Should().Equal("siem:brute-force");
        with.CoverageDetections.Select(d => d.Id).Should().Equal("siem:brute-force");
        with.Rules.Rules.Should().BeEmpty("coverage detections are not classification rules");
        without.CoverageDetections.Should().BeEmpty();
    }

    [Fact]
    public void AddCoverageDetections_PerCallAdditionalDetections_AddUp()
    {
        var engine = new AttackMapBuilder().WithoutBuiltInRules().AddCoverageDetections(new[] { Detection("siem:brute-force", LogFamily.EntraSignIn, "T1110") }).Build();

        var report = engine.CalculateCoverage(additionalDetections: new[] { Detection("siem:destruction", LogFamily.AzureActivity, "T1485") });

        report.GetCoverage("T1110").RuleIds.Should().Equal("siem:brute-force");
        report.GetCoverage("T1485").RuleIds.Should().Equal("siem:destruction");
        report.GetCoverage("T1485").Status.Should().Be(CoverageStatus.Direct);
        engine.CalculateCoverage().GetCoverage("T1485").RuleIds.Should().BeEmpty("per-call detections are not kept");
    }

    [Fact]
    public void AddCoverageDetections_TheSequenceIsCopiedAndTheEngineListIsReadOnly()
    {
        var detections = new List<MappingRule> { Detection("siem:one", LogFamily.EntraSignIn, "T1110") };
        var builder = new AttackMapBuilder().WithoutBuiltInRules().AddCoverageDetections(detections);
        detections.Add(Detection("siem:two", LogFamily.EntraSignIn, "T1110"));

        var engine = builder.Build();

        engine.CoverageDetections.Select(d => d.Id).Should().Equal("siem:one");
        engine.CoverageDetections.Should().NotBeAssignableTo<MappingRule[]>().And.NotBeAssignableTo<List<MappingRule>>();
    }

    [Fact]
    public void AddCoverageDetections_DuplicateIds_ThrowNamingTheIdAndBothLocations()
    {
        var builder = new AttackMapBuilder()
            .AddCoverageDetections(new[] { Detection("siem:brute-force", LogFamily.EntraSignIn, "T1110") })
            .AddCoverageDetections(_ => new[] { Detection("SIEM:Brute-Force", LogFamily.EntraSignIn, "T1110.003") });

        var exception = builder.Invoking(b => b.Build()).Should().Throw<RuleValidationException>().Which;

        var problem = exception.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(RuleProblemCode.DuplicateRuleId);
        problem.RuleId.Should().Be("SIEM:Brute-Force");
        exception.Message.Should().Contain("DuplicateRuleId").And.Contain("'SIEM:Brute-Force'").And.Contain("siem:brute-force.yaml").And.Contain("SIEM:Brute-Force.yaml");
    }

    [Fact]
    public void AddCoverageDetections_IdOfAClassificationRule_Throws()
    {
        var builtInId = RulePack.BuiltIn.Rules[0].Id;

        var build = () => new AttackMapBuilder().AddCoverageDetections(new[] { Detection(builtInId, LogFamily.AzureActivity, "T1485") }).Build();

        build.Should().Throw<RuleValidationException>().WithMessage($"*DuplicateRuleId*'{builtInId}'*classification rule*");
    }

    [Fact]
    public void AddCoverageDetections_NullDetectionOrArgument_IsRejected()
    {
        new AttackMapBuilder().Invoking(b => b.AddCoverageDetections((IEnumerable<MappingRule>)null!)).Should().Throw<ArgumentNullException>();
        new AttackMapBuilder().Invoking(b => b.AddCoverageDetections((Func<AttackCatalog, IEnumerable<MappingRule>>)null!)).Should().Throw<ArgumentNullException>();

        var build = () => new AttackMapBuilder().AddCoverageDetections(new MappingRule[] { Detection("siem:one", LogFamily.EntraSignIn, "T1110"), null! }).Build();

        build.Should().Throw<RuleValidationException>().WithMessage("*coverage detection #2*null*");
    }

    [Fact]
    public void AddCoverageDetections_UnknownAndRevokedTechniques_AreNotValidatedButReportedByCoverage()
    {
        var engine = new AttackMapBuilder()
            .AddCoverageDetections(new[] { Detection("siem:odd", LogFamily.AzureActivity, "T9999", "T1562.008") })
            .Build();

        var report = engine.CalculateCoverage();

        report.UnresolvedMappings.Should().ContainSingle().Which.Should().Contain("T9999");
        report.GetCoverage("T1685.002").RuleIds.Should().Contain("siem:odd", "a revoked id resolves to its replacement");
    }

    [Fact]
    public void AddCoverageDetections_Factory_GetsTheBuilderCatalogAtBuildTime()
    {
        AttackCatalog? seen = null;
        var catalog = AttackCatalog.LoadEmbedded("18.1");
        var builder = new AttackMapBuilder().AddCoverageDetections(c =>
        {
            seen = c;
            return new[] { Detection("siem:v18", LogFamily.AzureActivity, "T1562.008") };
        });

        builder.WithoutBuiltInRules().WithoutBuiltInCorrelations().UseCatalog(catalog);
        seen.Should().BeNull("the factory runs at Build");
        var engine = builder.Build();

        seen.Should().BeSameAs(catalog);
        engine.CalculateCoverage().GetCoverage("T1562.008").RuleIds.Should().Equal("siem:v18");
    }

    [Fact]
    public void AddCoverageDetections_DoNotClassifyRecords_EvenWhenTheirKeysWouldMatch()
    {
        var detection = new MappingRule("siem:vm-delete", LogFamily.AzureActivity, new[] { "T1485" }, EvidenceKind.DirectDetection, "Would match.")
        {
            Keys = new[] { "Microsoft.Compute/virtualMachines/delete" },
        };
        var plain = new AttackMapBuilder().Build();
        var withDetections = new AttackMapBuilder().AddCoverageDetections(new[] { detection }).Build();

        var expected = plain.ClassifyJson(VmDeleteRecord).Should().ContainSingle().Subject.Evidence;
        var actual = withDetections.ClassifyJson(VmDeleteRecord).Should().ContainSingle().Subject.Evidence;

        expected.Should().NotBeEmpty("the built-in pack maps a VM deletion");
        actual.Select(e => (e.Technique.Id, e.Rule.Id, e.Kind)).Should().Equal(expected.Select(e => (e.Technique.Id, e.Rule.Id, e.Kind)));
        actual.Should().NotContain(e => e.Rule.Id == "siem:vm-delete");
    }
}
