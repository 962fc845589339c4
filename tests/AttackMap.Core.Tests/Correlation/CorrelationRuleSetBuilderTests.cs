using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class CorrelationRuleSetBuilderTests
{
    private static readonly CorrelationStep AnySignIn = new("sign-in", new[] { new SignalMatch(LogFamily.EntraSignIn) });

    [Fact]
    public void BuiltIn_EveryRuleHasARationaleAndCurrentTechniques()
    {
        var rules = CorrelationHarness.BuiltIn();

        rules.Count.Should().Be(13);
        rules.AttackVersion.Should().Be("19.2");
        rules.Rules.Should().OnlyContain(r => r.Rationale.Length > 60 && r.Name != null && r.Id.StartsWith("correlation.", StringComparison.Ordinal));
        rules.Rules.SelectMany(r => r.Techniques).Distinct().Should().BeEquivalentTo("T1110.001", "T1110.003", "T1078.004", "T1621", "T1098.003", "T1685.002", "T1685", "T1686.001");
        rules.TryGetRule("CORRELATION.PASSWORD-SPRAYING", out var spray).Should().BeTrue();
        spray!.GroupBy.Should().Be(CorrelationKey.IpAddress);
        rules.Describe().Should().HaveCount(13).And.Contain(line => line.StartsWith("correlation.password-guessing (by Principal in 00:10:00", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UnknownTechnique_ErrorNamesTheRule()
    {
        var builder = new CorrelationRuleSetBuilder().Add(new CorrelationRule("custom.one", TimeSpan.FromMinutes(5), new[] { AnySignIn }, new[] { "T9999" }, EvidenceKind.NeedsReview, "because"));

        var act = () => builder.Build(CorrelationTestCatalog.Create());

        act.Should().Throw<CorrelationRuleException>().Which.Errors.Should().Equal("Rule 'custom.one': technique 'T9999' is not in ATT&CK v19.2.");
    }

    [Fact]
    public void Build_RevokedTechnique_ErrorNamesTheReplacement()
    {
        var builder = new CorrelationRuleSetBuilder().Add(new CorrelationRule("custom.logs", TimeSpan.FromMinutes(5), new[] { AnySignIn }, new[] { "T1562.008" }, EvidenceKind.NeedsReview, "because"));

        var act = () => builder.Build(CorrelationTestCatalog.Create());

        act.Should().Throw<CorrelationRuleException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be("Rule 'custom.logs': technique 'T1562.008' is revoked in ATT&CK v19.2; use 'T1685.002' (Disable or Modify Cloud Log).");
    }

    [Fact]
    public void Build_ShapeProblems_AllListedAtOnce()
    {
        var builder = new CorrelationRuleSetBuilder()
            .Add(new CorrelationRule("custom.a", TimeSpan.Zero, new[] { AnySignIn }, Array.Empty<string>(), EvidenceKind.NeedsReview, " "))
            .Add(new CorrelationRule("custom.a", TimeSpan.FromMinutes(1), Array.Empty<CorrelationStep>(), Array.Empty<string>(), EvidenceKind.NeedsReview, "ok"))
            .Add(new CorrelationRule("custom.b", TimeSpan.FromMinutes(1), new[] { new CorrelationStep("s", new[] { new SignalMatch(LogFamily.EntraSignIn) }) { MinCount = 0, DistinctField = "principal" } }, Array.Empty<string>(), EvidenceKind.NeedsReview, "ok"));

        var errors = builder.Invoking(b => b.Build(CorrelationTestCatalog.Create())).Should().Throw<CorrelationRuleException>().Which.Errors;

        errors.Should().BeEquivalentTo(
            "Rule 'custom.a': the rationale is required.",
            "Rule 'custom.a': the window must be positive.",
            "Rule 'custom.a': the id is used by another rule.",
            "Rule 'custom.a': at least one step is required.",
            "Rule 'custom.b', step 0 's': minCount must be at least 1.",
            "Rule 'custom.b', step 0 's': distinctField and a positive minDistinct go together.");
    }

    [Fact]
    public void Add_AfterBuild_Throws()
    {
        var builder = new CorrelationRuleSetBuilder();
        builder.Build(CorrelationTestCatalog.Create());

        builder.Invoking(b => b.AddBuiltIn()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void CodeRule_WithPredicate_FindsWhatThePredicateAccepts()
    {
        var legacyProtocol = new CorrelationStep("legacy-failure", new[]
        {
            new SignalMatch(LogFamily.EntraSignIn) { Keys = new[] { "50126" }, Predicate = s => ((EntraSignIn)s).ClientAppUsed == "IMAP4" },
        }) { MinCount = 3 };
        var rules = new CorrelationRuleSetBuilder()
            .Add(new CorrelationRule("custom.legacy-guessing", TimeSpan.FromMinutes(5), new[] { legacyProtocol }, new[] { "T1110" }, EvidenceKind.DirectDetection, "Three IMAP failures in five minutes."))
            .Build(CorrelationTestCatalog.Create());
        var s = new CorrelationSignals();
        var signals = Enumerable.Range(0, 6).Select(i =>
        {
            var signIn = s.SignIn(At(1, i), Avery, "50126");
            return (Signal)new EntraSignIn(signIn.Origin, SignInKind.UserInteractive, "50126") { Time = signIn.Time, Principal = signIn.Principal, ClientAppUsed = i % 2 == 0 ? "IMAP4" : "Browser" };
        }).ToList();

        var finding = CorrelationHarness.Run(signals, rules: rules).Findings.Should().ContainSingle().Which;

        finding.Indexes().Should().Equal(0, 2, 4);
        finding.Tactics.Should().Equal("credential-access");
    }
}
