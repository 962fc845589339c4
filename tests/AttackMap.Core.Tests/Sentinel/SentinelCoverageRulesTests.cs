using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Mapping;
using AttackMap.Sentinel;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Sentinel;

public sealed class SentinelCoverageRulesTests
{
    [Fact]
    public void ToMappingRules_SingleAndMultiFamilyRules_AreDirectOrCorrelationPerFamily()
    {
        var result = new SentinelRuleImporter().ImportFolder(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel"));
        var enabled = result.Rules.Select(r => r with { Enabled = true }).ToArray();

        var rules = SentinelCoverageRules.ToMappingRules(enabled);

        rules.Select(r => (r.Id, r.Family, r.Kind)).Should().Equal(
            ("sentinel:00000000-0000-4000-8000-0000000000a1", LogFamily.EntraSignIn, EvidenceKind.DirectDetection),
            ("sentinel:00000000-0000-4000-8000-0000000000a3:EntraAudit", LogFamily.EntraAudit, EvidenceKind.CorrelationContext),
            ("sentinel:00000000-0000-4000-8000-0000000000a3:AzureActivity", LogFamily.AzureActivity, EvidenceKind.CorrelationContext),
            ("sentinel:00000000-0000-4000-8000-0000000000c1:EntraRiskDetection", LogFamily.EntraRiskDetection, EvidenceKind.CorrelationContext),
            ("sentinel:00000000-0000-4000-8000-0000000000c1:AzureActivity", LogFamily.AzureActivity, EvidenceKind.CorrelationContext));
        rules[0].Techniques.Should().Equal("T1078.004", "T1547.004", "T9999");
        rules[0].Tactics.Should().Equal("persistence");
        rules[0].DisplayName.Should().Be("Lab rule with legacy technique ids");
        rules[3].Tactics.Should().Equal("initial-access", "privilege-escalation");
        rules[3].Rationale.Should().Be("Sentinel analytics rule 'Lab risky sign-in then role assignment' correlates EntraRiskDetection and AzureActivity (tables AADUserRiskEvents, AzureActivity); it fires only when all are connected.");
        rules[0].Matches(TestSignals.SignIn("0")).Should().BeFalse();
    }

    [Fact]
    public void ToMappingRules_DisabledRule_IsLeftOut()
    {
        var result = new SentinelRuleImporter().ImportFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sentinel", "rest-export.json"));

        result.Rules.Single().Enabled.Should().BeFalse();
        SentinelCoverageRules.ToMappingRules(result.Rules).Should().BeEmpty();
    }

    [SharedDataFact]
    public void Calculate_SharedSentinelRules_CountsDirectAndCorrelationOnlyTechniques()
    {
        var imported = new SentinelRuleImporter().ImportFolder(SharedData.PathOf("sentinel-rules")).Rules;
        var rules = SentinelCoverageRules.ToMappingRules(imported);

        var report = new CoverageCalculator().Calculate(AttackCatalog.Default, rules, LogSourceInventory.AllEnabled);

        var bruteForce = report.GetCoverage("T1110");
        bruteForce.Status.Should().Be(CoverageStatus.Direct);
        bruteForce.RuleIds.Should().Contain("sentinel:48607a29-a26a-4abf-8078-a06dbdd174a4");
        var serviceStop = report.GetCoverage("T1489");
        serviceStop.Status.Should().Be(CoverageStatus.CorrelationOnly);
        serviceStop.RuleIds.Should().Equal(
            "sentinel:a5b3429d-f1da-42b9-883c-327ecb7b91ff:AzureActivity",
            "sentinel:a5b3429d-f1da-42b9-883c-327ecb7b91ff:DefenderForCloud");
    }

    [Fact]
    public void Calculate_RuleWithSplitAndUnknownIds_SplitIsNeedsReviewOnEverySuccessorAndTheUnknownIdIsUnresolved()
    {
        const string yaml = "id: 00000000-0000-4000-8000-0000000000a7\nname: Lab split\nrelevantTechniques: [T1562, T9999, T1078.004]\nquery: AzureActivity\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        var imported = new SentinelRuleImporter().Import(stream, "split.yaml").Rules;
        var candidates = imported.Single().Techniques.Single(t => t.Status == TechniqueStatus.Split).Candidates;

        var rules = SentinelCoverageRules.ToMappingRules(imported);

        rules.Select(r => (r.Id, r.Kind)).Should().Equal(
            ("sentinel:00000000-0000-4000-8000-0000000000a7", EvidenceKind.DirectDetection),
            ("sentinel:00000000-0000-4000-8000-0000000000a7:split", EvidenceKind.NeedsReview));
        rules[0].Techniques.Should().Equal("T1078.004", "T9999");
        rules[1].Techniques.Should().BeEquivalentTo(candidates).And.BeInAscendingOrder(StringComparer.Ordinal);
        rules[1].Rationale.Should().Be("Sentinel analytics rule 'Lab split' is tagged T1562, which ATT&CK split; review which successor it detects (tables AzureActivity).");

        var report = new CoverageCalculator().Calculate(AttackCatalog.Default, rules, LogSourceInventory.AllEnabled);

        report.UnresolvedMappings.Should().Equal("sentinel:00000000-0000-4000-8000-0000000000a7: T9999");
        report.GetCoverage("T1078.004").Status.Should().Be(CoverageStatus.Direct);
        var statuses = candidates.ToDictionary(c => c, c => report.GetCoverage(c).Status);
        statuses["T1685.002"].Should().Be(CoverageStatus.NeedsReview, "disabling cloud logs is an Azure-relevant successor");
        statuses.Where(s => s.Value != CoverageStatus.OutOfScope).Select(s => s.Value).Should().AllBeEquivalentTo(CoverageStatus.NeedsReview);
    }
    [Fact]
    public void ToMappingRules_SplitOnACorrelationRuleThatAlsoTagsASuccessor_ReviewsOnlyTheOtherSuccessorsPerFamily()
    {
        const string yaml = "id: 00000000-0000-4000-8000-0000000000a8\nname: Lab split join\nrelevantTechniques: [T1562, T1685.002]\nquery: |\n  AzureActivity\n  | join (SigninLogs) on CorrelationId\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        var imported = new SentinelRuleImporter().Import(stream, "split-join.yaml").Rules;
        var candidates = imported.Single().Techniques.Single(t => t.Status == TechniqueStatus.Split).Candidates;

        var rules = SentinelCoverageRules.ToMappingRules(imported);

        rules.Select(r => (r.Id, r.Family, r.Kind)).Should().Equal(
            ("sentinel:00000000-0000-4000-8000-0000000000a8:EntraSignIn", LogFamily.EntraSignIn, EvidenceKind.CorrelationContext),
            ("sentinel:00000000-0000-4000-8000-0000000000a8:EntraSignIn:split", LogFamily.EntraSignIn, EvidenceKind.NeedsReview),
            ("sentinel:00000000-0000-4000-8000-0000000000a8:AzureActivity", LogFamily.AzureActivity, EvidenceKind.CorrelationContext),
            ("sentinel:00000000-0000-4000-8000-0000000000a8:AzureActivity:split", LogFamily.AzureActivity, EvidenceKind.NeedsReview));
        rules[0].Techniques.Should().Equal("T1685.002");
        rules[1].Techniques.Should().NotContain("T1685.002").And.HaveCount(candidates.Count - 1).And.Contain("T1685");
    }

    [Fact]
    public void ToMappingRules_DefenseEvasionTactic_ClaimsItsV19SuccessorsWithANote()
    {
        const string yaml = "id: 00000000-0000-4000-8000-0000000000a9\nname: Lab evasion\ntactics: [DefenseEvasion, InitialAccess]\nrelevantTechniques: [T1078.004]\nquery: SigninLogs\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        var imported = new SentinelRuleImporter().Import(stream, "evasion.yaml").Rules;

        imported.Single().Notes.Should().Contain("tactic DefenseEvasion is not in ATT&CK 19.2, which split it: coverage counts it as stealth and defense-impairment.");
        var rule = SentinelCoverageRules.ToMappingRules(imported).Single();
        rule.Tactics.Should().Equal("defense-evasion", "stealth", "defense-impairment", "initial-access");

        var report = new CoverageCalculator().Calculate(AttackCatalog.Default, new[] { rule }, LogSourceInventory.AllEnabled);

        report.GetCoverage("T1078.004").Rules.Single().ClaimedTactics.Should().Equal(new[] { "initial-access", "stealth" }, "not persistence or privilege escalation, which the rule does not claim");
        new SentinelRuleImporter(AttackCatalog.LoadEmbedded("18.1")).Import(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml)), "evasion.yaml")
            .Rules.Single().Notes.Should().NotContain(n => n.StartsWith("tactic ", StringComparison.Ordinal), "18.1 still has Defense Evasion");
    }
}
