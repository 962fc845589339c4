using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

public sealed class RuleValidationTests
{
    [Fact]
    public void Build_SeveralBadRules_ThrowsOneExceptionListingEveryProblemWithRuleIdAndLocation()
    {
        var builder = new RuleRegistryBuilder()
            .Add(Rule("r.unknown", "T9999"))
            .Add(Rule("r.revoked", "T1562.008"))
            .Add(Rule("r.deprecated", "T1108"));

        var ex = FluentActions.Invoking(() => builder.Build(TestCatalogs.Small)).Should().Throw<RuleValidationException>().Which;

        ex.Problems.Select(p => (p.Code, p.RuleId)).Should().Equal(
            (RuleProblemCode.UnknownTechnique, "r.unknown"),
            (RuleProblemCode.RevokedTechnique, "r.revoked"),
            (RuleProblemCode.DeprecatedTechnique, "r.deprecated"));
        ex.Message.Should().Contain("rule 'r.unknown' at pack.json: rules[r.unknown]").And.Contain("'T9999' is not in ATT&CK v19.2");
        ex.Message.Should().Contain("rule 'r.revoked'").And.Contain("use T1685.002 (Disable or Modify Cloud Log) instead");
        ex.Message.Should().Contain("rule 'r.deprecated'").And.Contain("deprecated").And.Contain("no replacement");
    }

    [Theory]
    [InlineData("tactic-mismatch", RuleProblemCode.TechniqueNotInTactic, "belongs to credential-access")]
    [InlineData("unknown-tactic", RuleProblemCode.UnknownTactic, "'lateral-thinking' is not in ATT&CK")]
    [InlineData("empty-rationale", RuleProblemCode.MissingRationale, "rationale is empty")]
    [InlineData("kind-without-reason", RuleProblemCode.MissingKindReason, "differs from the default CorrelationContext")]
    [InlineData("bad-match-field", RuleProblemCode.UnknownMatchField, "use one of: operationName")]
    [InlineData("condition-without-values", RuleProblemCode.MissingConditionValues, "needs at least one value")]
    [InlineData("no-techniques", RuleProblemCode.MissingTechniques, "maps to no technique")]
    public void Validate_OneProblem_ReportsItsCodeRuleIdAndLocation(string ruleId, RuleProblemCode code, string messagePart)
    {
        var rule = ruleId switch
        {
            "tactic-mismatch" => Rule(ruleId, "T1110"),
            "unknown-tactic" => Rule(ruleId, "T1098"),
            "empty-rationale" => new MappingRule(ruleId, LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.CorrelationContext, "  ") { Keys = new[] { "x/write" }, Location = "pack.json: rules[" + ruleId + "]" },
            "kind-without-reason" => new MappingRule(ruleId, LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.DirectDetection, "why") { Keys = new[] { "x/write" }, Location = "pack.json: rules[" + ruleId + "]" },
            "bad-match-field" => new MappingRule(ruleId, LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.CorrelationContext, "why") { MatchField = "caller", Keys = new[] { "x" }, Location = "pack.json: rules[" + ruleId + "]" },
            "condition-without-values" => Rule(ruleId, "T1098"),
            _ => new MappingRule(ruleId, LogFamily.AzureActivity, Array.Empty<string>(), EvidenceKind.CorrelationContext, "why") { Keys = new[] { "x/write" }, Location = "pack.json: rules[" + ruleId + "]" },
        };
        rule = ruleId switch
        {
            "tactic-mismatch" => Clone(rule, tactics: new[] { "persistence" }),
            "unknown-tactic" => Clone(rule, tactics: new[] { "lateral-thinking" }),
            "condition-without-values" => Clone(rule, conditions: new[] { new RuleCondition("caller", ConditionOperator.Equals, Array.Empty<string>()) }),
            _ => rule,
        };

        var problems = new RuleRegistryBuilder().Add(rule).Validate(TestCatalogs.Small);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(code);
        problem.RuleId.Should().Be(ruleId);
        problem.Location.Should().Be("pack.json: rules[" + ruleId + "]");
        problem.Message.Should().Contain(messagePart);
        problem.IsError.Should().BeTrue();
    }

    [Fact]
    public void Validate_KindWithReason_IsAccepted()
    {
        var rule = new MappingRule("k", LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.Precondition, "why") { Keys = new[] { "x/write" }, KindReason = "posture" };

        new RuleRegistryBuilder().Add(rule).Validate(TestCatalogs.Small).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ExistsConditionWithoutValues_IsAccepted()
    {
        var rule = Clone(Rule("exists", "T1098"), conditions: new[] { new RuleCondition("requestBody", ConditionOperator.Exists, Array.Empty<string>()) });

        new RuleRegistryBuilder().Add(rule).Validate(TestCatalogs.Small).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DuplicateId_ReportsSecondWithFirstLocation()
    {
        var problems = new RuleRegistryBuilder()
            .Add(Rule("same", "T1098"))
            .Add(Clone(Rule("SAME", "T1098"), location: "other.json: rules[3]"))
            .Validate(TestCatalogs.Small);

        var problem = problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(RuleProblemCode.DuplicateRuleId);
        problem.Location.Should().Be("other.json: rules[3]");
        problem.Message.Should().Contain("pack.json: rules[same]");
    }

    [Fact]
    public void Build_ConflictingRulesForSameKey_BuildsWithWarning()
    {
        var registry = new RuleRegistryBuilder()
            .Add(Rule("one", "T1098"))
            .Add(Rule("two", "T1098.003"))
            .Build(TestCatalogs.Small);

        var warning = registry.Warnings.Should().ContainSingle().Subject;
        warning.Code.Should().Be(RuleProblemCode.ConflictingRules);
        warning.Severity.Should().Be(RuleProblemSeverity.Warning);
        warning.Message.Should().Contain("'one' (T1098)").And.Contain("'two' (T1098.003)").And.Contain("x/write");
    }

    [Fact]
    public void Build_SameKeyDistinguishedByCondition_HasNoWarning()
    {
        var registry = new RuleRegistryBuilder()
            .Add(Rule("one", "T1098"))
            .Add(Clone(Rule("two", "T1098.003"), conditions: new[] { new RuleCondition("status", ConditionOperator.Equals, new[] { "Succeeded" }) }))
            .Build(TestCatalogs.Small);

        registry.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Build_PackParsedFromJson_ProblemsPointAtRuleLine()
    {
        const string json = """
            {
              "id": "p", "version": "1",
              "rules": [
                { "id": "fine", "family": "AzureActivity", "match": { "values": ["a/write"] }, "techniques": ["T1098"], "rationale": "ok" },
                { "id": "no-why", "family": "AzureActivity", "match": { "values": ["b/write"] }, "techniques": ["T1098"], "rationale": "" }
              ]
            }
            """;

        var ex = FluentActions.Invoking(() => new RuleRegistryBuilder().AddPack(RulePack.Parse(json, "p.json")).Build(TestCatalogs.Small))
            .Should().Throw<RuleValidationException>().Which;

        ex.Problems.Should().ContainSingle().Which.ToString().Should().Be(
            "error MissingRationale: rule 'no-why' at p.json: rules[1] (line 5): The rationale is empty; say why the signal supports the technique.");
    }

    [SharedDataFact]
    public void Validate_V18PackAgainstV19Catalog_NamesEachReplacement()
    {
        var pack = RulePack.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mapping", "v18-ids-pack.json"));

        var problems = new RuleRegistryBuilder().AddPack(pack).Validate(TestCatalogs.V19FromSharedData!);

        problems.Should().HaveCount(3).And.OnlyContain(p => p.Code == RuleProblemCode.RevokedTechnique);
        problems[0].Message.Should().Contain("T1562.008").And.Contain("use T1685.002 (Disable or Modify Cloud Log)");
        problems[1].Message.Should().Contain("T1562.007").And.Contain("use T1686.001 (Cloud Firewall)");
        problems[2].Message.Should().Contain("T1562.001").And.Contain("use T1685 (Disable or Modify Tools)");
        problems[0].Location.Should().EndWith("v18-ids-pack.json: rules[0] (line 7)");
    }

    private static MappingRule Rule(string id, string technique) =>
        new(id, LogFamily.AzureActivity, new[] { technique }, EvidenceKind.CorrelationContext, "A test rationale.")
        {
            Keys = new[] { "x/write" },
            Location = "pack.json: rules[" + id + "]",
        };

    private static MappingRule Clone(MappingRule rule, IReadOnlyList<string>? tactics = null, IReadOnlyList<RuleCondition>? conditions = null, string? location = null) =>
        new(rule.Id, rule.Family, rule.Techniques, rule.Kind, rule.Rationale)
        {
            Keys = rule.Keys,
            MatchField = rule.MatchField,
            Tactics = tactics ?? rule.Tactics,
            Conditions = conditions ?? rule.Conditions,
            Location = location ?? rule.Location,
        };
}
