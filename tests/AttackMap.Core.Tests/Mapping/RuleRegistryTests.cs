using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Mapping;

public sealed class RuleRegistryTests
{
    private const string EnDashActivity = "Update application \u2013 Certificates and secrets management ";

    [Fact]
    public void Classify_OperationNameInOtherCase_MatchesCaseInsensitively()
    {
        var registry = Build(Activity("role", "Microsoft.Authorization/roleAssignments/write", "T1098.003"));

        var evidence = registry.Classify(TestSignals.Activity("MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE"));

        var item = evidence.Should().ContainSingle().Subject;
        item.Rule.Id.Should().Be("role");
        item.Technique.Id.Should().Be("T1098.003");
        item.Technique.Name.Should().Be("Additional Cloud Roles");
        item.Tactics.Should().Equal("persistence", "privilege-escalation");
        item.Kind.Should().Be(EvidenceKind.CorrelationContext);
        item.Family.Should().Be(LogFamily.AzureActivity);
    }

    [Fact]
    public void Classify_AuditActivityWithEnDashAndTrailingSpace_MatchesOnlyThatSpelling()
    {
        var registry = Build(new MappingRule("cred", LogFamily.EntraAudit, new[] { "T1098.001" }, EvidenceKind.CorrelationContext, "why") { Keys = new[] { EnDashActivity } });

        registry.Classify(TestSignals.Audit(EnDashActivity)).Should().ContainSingle();
        registry.Classify(TestSignals.Audit(EnDashActivity.TrimEnd())).Should().ContainSingle("trailing blanks are not significant");
        registry.Classify(TestSignals.Audit("update application \u2013 certificates and secrets management")).Should().ContainSingle();
        registry.Classify(TestSignals.Audit("Update application - Certificates and secrets management")).Should().BeEmpty("a hyphen is a different activity name");
    }

    [Fact]
    public void Classify_SignIn_LooksUpResultClientAppAndEachRiskType()
    {
        var registry = Build(
            new MappingRule("code", LogFamily.EntraSignIn, new[] { "T1110" }, EvidenceKind.NeedsReview, "why") { Keys = new[] { "50126" } },
            new MappingRule("legacy", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.NeedsReview, "why") { MatchField = "clientAppUsed", Keys = new[] { "IMAP4" } },
            new MappingRule("spray", LogFamily.EntraSignIn, new[] { "T1110.003" }, EvidenceKind.DirectDetection, "why") { MatchField = "riskEventType", Keys = new[] { "passwordSpray", "maliciousIPAddress" } });

        var evidence = registry.Classify(TestSignals.SignIn("50126", "imap4", null, "unfamiliarFeatures", "passwordSpray", "maliciousIPAddress"));

        evidence.Select(e => e.Rule.Id).Should().Equal(new[] { "code", "legacy", "spray" }, "a rule keyed on two risk types present fires once");
    }

    [Fact]
    public void Classify_FamilyWideRule_SeesEverySignalOfItsFamilyOnly()
    {
        var registry = Build(new MappingRule("failed-any", LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.CorrelationContext, "why")
        {
            Conditions = new[] { new RuleCondition("status", ConditionOperator.Equals, new[] { "Failed" }) },
        });

        registry.Classify(new AzureActivityEvent(TestSignals.Origin(), "Microsoft.Anything/thing/write") { Status = "Failed" }).Should().ContainSingle();
        registry.Classify(TestSignals.Activity("Microsoft.Anything/thing/write")).Should().BeEmpty();
        registry.Classify(TestSignals.Audit("Add user")).Should().BeEmpty();
    }

    [Fact]
    public void Classify_RuleWithTwoTechniques_YieldsOneEvidencePerTechnique()
    {
        var registry = Build(Activity("two", "Microsoft.OperationalInsights/workspaces/delete", "T1685.002", "T1485"));

        registry.Classify(TestSignals.Activity("Microsoft.OperationalInsights/workspaces/delete"))
            .Select(e => e.Technique.Id).Should().Equal("T1685.002", "T1485");
    }

    [Fact]
    public void Classify_StatedTactics_NarrowEvidenceTactics()
    {
        var rule = new MappingRule("narrow", LogFamily.AzureActivity, new[] { "T1078.004" }, EvidenceKind.CorrelationContext, "why")
        {
            Keys = new[] { "a/write" },
            Tactics = new[] { "TA0001", "persistence" },
        };

        Build(rule).Classify(TestSignals.Activity("a/write")).Single().Tactics.Should().Equal("persistence", "initial-access");
    }

    [Fact]
    public void Classify_UnmatchedSignals_AllocateNothing()
    {
        var registry = new RuleRegistryBuilder().AddBuiltInPack().Build(TestCatalogs.Synthetic(RulePack.BuiltIn.Rules.SelectMany(r => r.Techniques)));
        var signals = new Signal[]
        {
            TestSignals.Activity("Microsoft.Compute/virtualMachines/read"),
            TestSignals.Alert("VM_NotARealAlertType"),
            TestSignals.Audit("Update something harmless"),
            TestSignals.Risk("notARiskType"),
            TestSignals.SignIn("50140", "Browser"),
            TestSignals.SignIn("0", "Browser", "none"),
            TestSignals.SignIn("0", "Mobile Apps and Desktop clients"),
        };
        var output = new List<Evidence>();
        foreach (var signal in signals)
        {
            registry.Classify(signal);
            registry.Classify(signal, output);
        }

        var matched = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            for (var s = 0; s < signals.Length; s++)
            {
                matched += registry.Classify(signals[s]).Count;
                matched += registry.Classify(signals[s], output);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0);
        matched.Should().Be(0);
        output.Should().BeEmpty();
    }

    [Fact]
    public void Classify_MatchedSignal_AllocatesOnlyTheEvidenceAndResultList()
    {
        var registry = Build(Activity("role", "Microsoft.Authorization/roleAssignments/write", "T1098.003"));
        var signal = TestSignals.Activity("Microsoft.Authorization/roleAssignments/write");
        var output = new List<Evidence>(4);
        registry.Classify(signal, output);
        registry.Classify(signal);
        output.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            registry.Classify(signal, output);
            output.Clear();
        }

        var intoOutput = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            registry.Classify(signal);
        }

        var withList = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000;
        intoOutput.Should().BeLessThanOrEqualTo(64, "one Evidence object is four references and a header");
        withList.Should().BeLessThanOrEqualTo(160, "one Evidence plus the result list and its small backing array");
    }

    [Fact]
    public void Classify_MatchedSignal_ReturnsNewListOnlyWhenMatched()
    {
        var registry = Build(Activity("role", "Microsoft.Authorization/roleAssignments/write", "T1098.003"));

        registry.Classify(TestSignals.Activity("x/write")).Should().BeSameAs(registry.Classify(TestSignals.Activity("y/write")));
        var output = new List<Evidence>();
        registry.Classify(TestSignals.Activity("Microsoft.Authorization/roleAssignments/write"), output).Should().Be(1);
        output.Single().Rule.Id.Should().Be("role");
    }

    [Fact]
    public void Classify_RuleThatThrows_IsSkippedAndReported()
    {
        var failures = new List<RuleFailure>();
        var registry = new RuleRegistryBuilder()
            .Add(new ThrowingRule())
            .Add(Activity("good", "a/write", "T1098"))
            .OnRuleFailure(failures.Add)
            .Build(TestCatalogs.Small);
        var signal = TestSignals.Activity("a/write");

        var evidence = registry.Classify(signal);

        evidence.Should().ContainSingle().Which.Rule.Id.Should().Be("good");
        var failure = failures.Should().ContainSingle().Subject;
        failure.Rule.Id.Should().Be("bad-code-rule");
        failure.Signal.Should().BeSameAs(signal);
        failure.Exception.Message.Should().Be("boom");
    }

    [Fact]
    public void Builder_AfterBuild_RejectsFurtherUse()
    {
        var builder = new RuleRegistryBuilder().Add(Activity("r", "a/write", "T1098"));
        builder.Build(TestCatalogs.Small);

        FluentActions.Invoking(() => builder.Add(Activity("s", "b/write", "T1098"))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => builder.Build(TestCatalogs.Small)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Registry_Lookups_ReturnRulesOrderedById()
    {
        var registry = Build(
            Activity("z.last", "a/write", "T1098"),
            Activity("a.first", "b/write", "T1098.003"),
            new MappingRule("m.audit", LogFamily.EntraAudit, new[] { "T1098" }, EvidenceKind.CorrelationContext, "why") { Keys = new[] { "Add user" } });

        registry.Rules.Select(r => r.Id).Should().Equal("a.first", "m.audit", "z.last");
        registry.GetRules(LogFamily.AzureActivity).Select(r => r.Id).Should().Equal("a.first", "z.last");
        registry.GetRules(LogFamily.DefenderForCloud).Should().BeEmpty();
        registry.TryGetRule("M.AUDIT", out var found).Should().BeTrue();
        found!.Id.Should().Be("m.audit");
        registry.TryGetRule("missing", out _).Should().BeFalse();
        registry.Catalog.Should().BeSameAs(TestCatalogs.Small);
    }

    [Fact]
    public void Describe_CountsRulesPerFamilyAndKind()
    {
        var registry = Build(
            Activity("a", "a/write", "T1098"),
            new MappingRule("b", LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.Precondition, "why") { Keys = new[] { "b/write" }, KindReason = "posture" });

        var lines = registry.Describe().Split('\n');

        lines[0].Should().StartWith("2 rules, ATT&CK v19.2, 1 techniques");
        lines.Single(l => l.StartsWith("AzureActivity", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Should().Equal("AzureActivity", "0", "1", "1", "0", "2");
    }

    [Fact]
    public void Empty_ClassifiesNothing()
    {
        RuleRegistry.Empty.Rules.Should().BeEmpty();
        RuleRegistry.Empty.Classify(TestSignals.Activity("Microsoft.Authorization/roleAssignments/write")).Should().BeEmpty();
    }

    private static RuleRegistry Build(params MappingRule[] rules)
    {
        var builder = new RuleRegistryBuilder();
        foreach (var rule in rules)
        {
            builder.Add(rule);
        }

        return builder.Build(TestCatalogs.Small);
    }

    private static MappingRule Activity(string id, string operation, params string[] techniques) =>
        new(id, LogFamily.AzureActivity, techniques, EvidenceKind.CorrelationContext, "A test rationale.") { Keys = new[] { operation } };

    private sealed class ThrowingRule : MappingRule
    {
        public ThrowingRule()
            : base("bad-code-rule", LogFamily.AzureActivity, new[] { "T1098" }, EvidenceKind.CorrelationContext, "A code rule with a bug.")
        {
            Keys = new[] { "a/write" };
        }

        public override bool Matches(Signal signal) => throw new InvalidOperationException("boom");
    }
}
