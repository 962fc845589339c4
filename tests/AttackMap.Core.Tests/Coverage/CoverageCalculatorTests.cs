using AttackMap.Coverage;
using AttackMap.Mapping;
using AttackMap.Signals;
using static AttackMap.Tests.Support.CoverageTestCatalogs;

namespace AttackMap.Tests.Coverage;

public sealed class CoverageCalculatorTests
{
    private readonly AttackMap.Attack.AttackCatalog _catalog = Small();
    private readonly CoverageCalculator _calculator = new();

    [Fact]
    public void Calculate_DirectDetectionRuleOverEnabledFamily_IsDirect()
    {
        var rules = new[]
        {
            Rule("signin.password-spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110"),
            Rule("defender.brute-force", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1110"),
            Rule("activity.context", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1110"),
        };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled).GetCoverage("T1110");

        coverage.Status.Should().Be(CoverageStatus.Direct);
        coverage.Reason.Should().Be("Direct: 2 direct-detection rules over enabled sources (SecurityAlert, SigninLogs)");
        coverage.RuleIds.Should().Equal("activity.context", "defender.brute-force", "signin.password-spray");
        coverage.Sources.Select(s => s.Family).Should().Equal(LogFamily.DefenderForCloud, LogFamily.EntraSignIn, LogFamily.AzureActivity);
    }

    [Fact]
    public void Calculate_OnlyCorrelationAndPreconditionRules_IsCorrelationOnly()
    {
        var rules = new[]
        {
            Rule("activity.diag-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1685.002"),
            Rule("audit.setting", LogFamily.EntraAudit, EvidenceKind.Precondition, "T1685.002"),
        };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled).GetCoverage("T1685.002");

        coverage.Status.Should().Be(CoverageStatus.CorrelationOnly);
        coverage.Reason.Should().Be("CorrelationOnly: 2 correlation-context or precondition rules over enabled sources (AuditLogs, AzureActivity); no direct-detection rule");
    }

    [Fact]
    public void Calculate_CorrelationOnlyWithDirectRuleOnDisabledFamily_ReasonNamesTableToEnable()
    {
        var rules = new[]
        {
            Rule("activity.diag-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1685.002"),
            Rule("defender.diag-tamper", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1685.002"),
        };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled.Without(LogFamily.DefenderForCloud)).GetCoverage("T1685.002");

        coverage.Status.Should().Be(CoverageStatus.CorrelationOnly);
        coverage.Reason.Should().EndWith("; enable SecurityAlert for 1 direct-detection rule");
    }

    [Fact]
    public void Calculate_OnlyNeedsReviewRules_IsNeedsReview()
    {
        var rules = new[] { Rule("signin.unusual-app", LogFamily.EntraSignIn, EvidenceKind.NeedsReview, "T1621") };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled).GetCoverage("T1621");

        coverage.Status.Should().Be(CoverageStatus.NeedsReview);
        coverage.Reason.Should().StartWith("NeedsReview: only 1 needs-review rule over enabled sources (SigninLogs)");
    }

    [Fact]
    public void Calculate_RuleFamilyDisabled_IsNeedsLoggingAndNamesTheTable()
    {
        var rules = new[]
        {
            Rule("signin.spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003"),
            Rule("signin.lockout", LogFamily.EntraSignIn, EvidenceKind.CorrelationContext, "T1110.003"),
        };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn)).GetCoverage("T1110.003");

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging);
        coverage.Reason.Should().Be("NeedsLogging: mapped by 2 rules but their log source is not enabled: enable SigninLogs");
        coverage.Sources.Should().ContainSingle().Which.IsEnabled.Should().BeFalse();
        coverage.Rules.Should().OnlyContain(r => !r.IsSourceEnabled);
    }

    [Fact]
    public void Calculate_RulesOverTwoDisabledFamilies_ReasonOffersEitherTable()
    {
        var rules = new[]
        {
            Rule("signin.spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003"),
            Rule("signin.lockout", LogFamily.EntraSignIn, EvidenceKind.CorrelationContext, "T1110.003"),
            Rule("defender.spray", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1110.003"),
        };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn, LogFamily.DefenderForCloud));

        report.GetCoverage("T1110.003").Reason.Should().Be(
            "NeedsLogging: mapped by 3 rules but their log source is not enabled: enable SecurityAlert (1 rule) or SigninLogs (2 rules)");
        report.GetCoverage("T1110").Reason.Should().Be(
            "NeedsLogging: mapped by 3 rules via T1110.003 but their log source is not enabled: enable SecurityAlert (1 rule) or SigninLogs (2 rules)");
    }

    [Fact]
    public void Calculate_RuleWithUndefinedFamily_IsNeedsLoggingWithoutCrashing()
    {
        var rules = new[] { Rule("custom.family", (LogFamily)42, EvidenceKind.DirectDetection, "T1485") };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled).GetCoverage("T1485");

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging);
        coverage.Reason.Should().EndWith("enable 42");
    }

    [Fact]
    public void Calculate_NoRule_IsNeedsRule()
    {
        var report = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.GetCoverage("T1485").Status.Should().Be(CoverageStatus.NeedsRule);
        report.GetCoverage("T1485").Reason.Should().Be("NeedsRule: no rule maps it");
        report.GetCoverage("T1098").Reason.Should().Be("NeedsRule: no rule maps it or any of its sub-techniques");
        report.GetCount(CoverageStatus.NeedsRule).Should().Be(report.Techniques.Count);
    }

    [Fact]
    public void Calculate_SubTechniqueRule_RollsUpToParentWithVia()
    {
        var rules = new[] { Rule("audit.add-member-to-role", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1098.003") };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        var parent = report.GetCoverage("T1098");
        parent.Status.Should().Be(CoverageStatus.Direct);
        parent.Reason.Should().Be("Direct: 1 direct-detection rule over enabled sources (AuditLogs) via T1098.003");
        parent.Rules.Should().ContainSingle().Which.ViaSubTechnique.Should().Be("T1098.003");
        report.GetCoverage("T1098.003").Status.Should().Be(CoverageStatus.Direct);
        report.GetCoverage("T1098.001").Status.Should().Be(CoverageStatus.NeedsRule, "a sibling gets nothing from the roll-up");
    }

    [Fact]
    public void Calculate_ParentRule_DoesNotCoverSubTechniques()
    {
        var rules = new[] { Rule("signin.failures", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110") };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.GetCoverage("T1110").Status.Should().Be(CoverageStatus.Direct);
        report.GetCoverage("T1110.003").Status.Should().Be(CoverageStatus.NeedsRule);
        report.GetCoverage("T1110.003").Rules.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_OwnAndSubTechniqueRules_ReasonCountsTheOnesVia()
    {
        var rules = new[]
        {
            Rule("signin.failures", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110"),
            Rule("risk.spray", LogFamily.EntraRiskDetection, EvidenceKind.DirectDetection, "T1110.003"),
        };

        var coverage = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled).GetCoverage("T1110");

        coverage.Reason.Should().Be("Direct: 2 direct-detection rules over enabled sources (SigninLogs, AADUserRiskEvents), 1 of them via T1110.003");
    }

    [Fact]
    public void Calculate_MultiTacticTechnique_IsCountedOnceWithPerTacticAnnotations()
    {
        var rules = new[] { Rule("signin.anomalous-token", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1078.004") };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        var coverage = report.GetCoverage("T1078.004");
        coverage.Tactics.Select(t => t.Tactic.ShortName).Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth");
        coverage.Tactics.Should().OnlyContain(t => t.Status == CoverageStatus.Direct);
        coverage.VariesByTactic.Should().BeFalse();
        report.Techniques.Count(t => t.Id == "T1078.004").Should().Be(1);
        report.GetCount(CoverageStatus.Direct).Should().Be(2, "T1078.004 and, through roll-up, T1078");
        report.Tactics.Single(t => t.Tactic.ShortName == "persistence").GetCount(CoverageStatus.Direct).Should().Be(2);
    }

    [Fact]
    public void Calculate_RuleClaimsOneTactic_OtherTacticsNeedARule()
    {
        var rule = new MappingRule("signin.first-access", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "Initial access with a cloud account.")
        {
            Tactics = new[] { "TA0001" },
        };

        var coverage = _calculator.Calculate(_catalog, new[] { rule }, LogSourceInventory.AllEnabled).GetCoverage("T1078.004");

        coverage.Status.Should().Be(CoverageStatus.Direct);
        coverage.VariesByTactic.Should().BeTrue();
        coverage.Tactics[0].Status.Should().Be(CoverageStatus.Direct);
        coverage.Tactics[0].RuleIds.Should().Equal("signin.first-access");
        coverage.Tactics[1].Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Tactics[1].Reason.Should().Be("NeedsRule: no rule supports it under Persistence (its rules claim other tactics)");
    }

    [Fact]
    public void Calculate_RuleClaimsUnknownTactic_FallsBackToAllTactics()
    {
        var rule = new MappingRule("signin.legacy", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "Written for v18.")
        {
            Tactics = new[] { "defense-evasion" },
        };

        var coverage = _calculator.Calculate(_catalog, new[] { rule }, LogSourceInventory.AllEnabled).GetCoverage("T1078.004");

        coverage.Tactics.Should().OnlyContain(t => t.Status == CoverageStatus.Direct);
    }

    [Fact]
    public void Calculate_DefaultScope_KeepsAzurePlatformsOnly()
    {
        var rules = new[] { Rule("defender.lsass", LogFamily.DefenderForCloud, EvidenceKind.DirectDetection, "T1003") };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.Techniques.Select(t => t.Id).Should().Equal(
            "T1078", "T1078.004", "T1098", "T1098.001", "T1098.003", "T1110", "T1110.003", "T1485", "T1621", "T1685", "T1685.002");
        report.Platforms.Should().Equal("IaaS", "Identity Provider", "SaaS", "Office Suite");
        var outOfScope = report.GetCoverage("T1003");
        outOfScope.Status.Should().Be(CoverageStatus.OutOfScope);
        outOfScope.Reason.Should().Be("OutOfScope: its platforms (Linux, macOS, Windows) are outside the scope (IaaS, Identity Provider, SaaS, Office Suite); 1 rule maps it");
        report.MappedOutOfScope.Select(t => t.Id).Should().Equal("T1003");
    }

    [Fact]
    public void Calculate_OldPlatformAliases_AreTranslated()
    {
        var calculator = new CoverageCalculator(new CoverageOptions { Platforms = new[] { "Azure AD", "Office 365" } });

        var report = calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        calculator.Platforms.Should().Equal("Identity Provider", "Office Suite");
        report.Techniques.Select(t => t.Id).Should().Contain("T1621").And.NotContain("T1485", "Data Destruction lists IaaS, not Identity Provider");
    }

    [Fact]
    public void Calculate_AzureAlias_MeansIaaS()
    {
        var report = new CoverageCalculator(new CoverageOptions { Platforms = new[] { "Azure" } }).Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.Platforms.Should().Equal("IaaS");
        report.Techniques.Select(t => t.Id).Should().Contain("T1485").And.NotContain("T1621.001");
    }

    [Fact]
    public void Calculate_WithoutSubTechniques_ListsParentsAndStillRollsUp()
    {
        var calculator = new CoverageCalculator(new CoverageOptions { IncludeSubTechniques = false });
        var rules = new[] { Rule("audit.add-member-to-role", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1098.003") };

        var report = calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.Techniques.Should().OnlyContain(t => !t.Technique.IsSubTechnique);
        report.GetCoverage("T1098").Status.Should().Be(CoverageStatus.Direct);
        report.GetCoverage("T1098.003").Reason.Should().StartWith("OutOfScope: sub-techniques have no rows in this report; its rules count toward T1098");
    }

    [Fact]
    public void Calculate_RevokedIdInRule_CountsForItsReplacement()
    {
        var rules = new[] { Rule("activity.diag-delete", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T1562.008") };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.GetCoverage("T1685.002").RuleIds.Should().Equal("activity.diag-delete");
        report.TryGetCoverage("T1562.008", out var viaOldId).Should().BeTrue();
        viaOldId!.Id.Should().Be("T1685.002");
        report.UnresolvedMappings.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_UnknownOrDeprecatedIds_AreListedAsUnresolved()
    {
        var rules = new[]
        {
            Rule("x.unknown", LogFamily.AzureActivity, EvidenceKind.CorrelationContext, "T9999"),
            Rule("x.deprecated", LogFamily.EntraAudit, EvidenceKind.CorrelationContext, "T1108", "T1098"),
        };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.UnresolvedMappings.Should().Equal("x.deprecated: T1108", "x.unknown: T9999");
        report.RuleCount.Should().Be(2);
        report.GetCoverage("T1098").RuleIds.Should().Equal("x.deprecated");
    }

    [Fact]
    public void Calculate_ObservedEvidence_CountsTechniqueAndSubTechniques()
    {
        var rule = Rule("audit.add-member-to-role", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1098.003");
        var observed = new[] { Observed(_catalog, rule, "T1098.003"), Observed(_catalog, rule, "T1098.003"), Observed(_catalog, rule, "T1098") };

        var report = _calculator.Calculate(_catalog, new[] { rule }, LogSourceInventory.AllEnabled, observed);

        report.HasObservedEvidence.Should().BeTrue();
        report.GetCoverage("T1098.003").ObservedEvidenceCount.Should().Be(2);
        report.GetCoverage("T1098").ObservedEvidenceCount.Should().Be(3);
        report.GetCoverage("T1110").ObservedEvidenceCount.Should().Be(0);
    }

    [Fact]
    public void Calculate_NoObservedEvidence_LeavesCountsUnset()
    {
        var report = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.HasObservedEvidence.Should().BeFalse();
        report.GetCoverage("T1098").ObservedEvidenceCount.Should().BeNull();
    }

    [Fact]
    public void Calculate_PartlyEnabledFamily_IsEnabledAndReasonNamesTheMissingTable()
    {
        var rules = new[] { Rule("signin.spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003") };
        var sources = LogSourceInventory.AllEnabled.WithoutTables("AADNonInteractiveUserSignInLogs");

        var coverage = _calculator.Calculate(_catalog, rules, sources).GetCoverage("T1110.003");

        coverage.Status.Should().Be(CoverageStatus.Direct);
        coverage.Reason.Should().Be("Direct: 1 direct-detection rule over enabled sources (SigninLogs); not enabled: AADNonInteractiveUserSignInLogs");
        coverage.Sources.Single().MissingTables.Should().Equal("AADNonInteractiveUserSignInLogs");
    }

    [Fact]
    public void Calculate_TacticSummaries_AreInMatrixOrderWithCounts()
    {
        var rules = new[]
        {
            Rule("signin.spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003"),
            Rule("signin.mfa-fatigue", LogFamily.EntraSignIn, EvidenceKind.NeedsReview, "T1621"),
        };

        var report = _calculator.Calculate(_catalog, rules, LogSourceInventory.AllEnabled);

        report.Tactics.Select(t => t.Tactic.Id).Should().Equal("TA0001", "TA0003", "TA0004", "TA0005", "TA0112", "TA0006", "TA0040");
        var credentialAccess = report.Tactics.Single(t => t.Tactic.Id == "TA0006");
        credentialAccess.Total.Should().Be(3);
        credentialAccess.GetCount(CoverageStatus.Direct).Should().Be(2);
        credentialAccess.GetCount(CoverageStatus.NeedsReview).Should().Be(1);
        report.Tactics.Single(t => t.Tactic.Id == "TA0112").Total.Should().Be(2);
    }

    [Fact]
    public void Calculate_SameRuleListedTwice_CountsOnce()
    {
        var rule = Rule("signin.spray", LogFamily.EntraSignIn, EvidenceKind.DirectDetection, "T1110.003", "T1110");

        var coverage = _calculator.Calculate(_catalog, new[] { rule, rule }, LogSourceInventory.AllEnabled).GetCoverage("T1110");

        coverage.RuleIds.Should().Equal("signin.spray");
        coverage.Rules.Single().ViaSubTechnique.Should().BeNull("the rule maps T1110 itself");
    }

    [Fact]
    public void Constructor_EmptyScope_Throws()
    {
        var act = () => new CoverageCalculator(new CoverageOptions { Platforms = new[] { " " } });

        act.Should().Throw<ArgumentException>().WithMessage("*at least one ATT&CK platform*");
    }

    [Fact]
    public void GetCoverage_IdMitreSplit_HasNoSingleCoverageAndTheMessageListsTheSuccessors()
    {
        var catalog = AttackMap.Attack.AttackCatalog.Default;
        var report = _calculator.Calculate(catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        report.TryGetCoverage("T1562", out var split).Should().BeFalse("T1562 was split into eleven techniques; its nominal replacement T1685 is only one of them");
        split.Should().BeNull();
        var act = () => report.GetCoverage("t1562");
        act.Should().Throw<KeyNotFoundException>().WithMessage("Technique 't1562' was split in ATT&CK v19.2 into T1685, *T1685.002*; ask for one of them.");
        report.GetCoverage("T1562.008").Id.Should().Be("T1685.002", "a revoked sub-technique with one replacement still resolves");
    }

    [Fact]
    public void Calculate_RuleMappingAnIdMitreSplit_GivesNoCoverageAndIsUnresolved()
    {
        var catalog = AttackMap.Attack.AttackCatalog.Default;
        var rules = new[] { Rule("lab.impair", LogFamily.AzureActivity, EvidenceKind.DirectDetection, "T1562") };

        var report = _calculator.Calculate(catalog, rules, LogSourceInventory.AllEnabled);

        report.GetCoverage("T1685").RuleIds.Should().BeEmpty("T1685 is only the nominal target of the split");
        report.UnresolvedMappings.Should().ContainSingle().Which.Should().StartWith("lab.impair: T1562 (split in ATT&CK v19.2 into T1685, ").And.EndWith("; map one of them)");
    }

    [Fact]
    public void GetCoverage_UnknownId_ThrowsWithVersion()
    {
        var report = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);

        var act = () => report.GetCoverage("T0000");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*T0000*v19.2*");
    }
}
