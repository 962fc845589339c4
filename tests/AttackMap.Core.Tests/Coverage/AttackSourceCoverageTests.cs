using System.Text;
using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Export;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CoverageTestCatalogs;

namespace AttackMap.Tests.Coverage;

/// <summary>Unmapped techniques: NeedsRule when a log ATT&amp;CK's analytics read is enabled, NeedsLogging when it is not.</summary>
public sealed class AttackSourceCoverageTests
{
    private readonly AttackCatalog _catalog = AttackSourceCatalogs.WithSources();
    private readonly CoverageCalculator _calculator = new();

    private TechniqueCoverage Coverage(string id, LogSourceInventory sources, params MappingRule[] rules) =>
        _calculator.Calculate(_catalog, rules, sources).GetCoverage(id);

    [Fact]
    public void Calculate_UnmappedSignInTechniqueWithSignInsEnabled_NeedsRuleNamingTableAndAnalytic()
    {
        var coverage = Coverage("T1078.004", LogSourceInventory.AllEnabled);

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be("NeedsRule: no rule maps it; SigninLogs is enabled and ATT&CK analytic AN1503 lists azure:signinlogs");
        coverage.VisibleIn.Should().Equal("SigninLogs");
        var source = coverage.AttackLogSources.Should().ContainSingle().Subject;
        source.Family.Should().Be(LogFamily.EntraSignIn);
        source.Tables.Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs");
        source.EnabledTables.Should().Equal("SigninLogs", "AADNonInteractiveUserSignInLogs");
        source.ToString().Should().Be("azure:signinlogs (AN1503) -> SigninLogs");
        coverage.Tactics.Should().OnlyContain(t => t.Status == CoverageStatus.NeedsRule && t.Reason == coverage.Reason);
    }

    [Fact]
    public void Calculate_UnmappedSignInTechniqueWithSignInsDisabled_NeedsLoggingNamingSigninLogs()
    {
        var coverage = Coverage("T1078.004", LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn));

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging);
        coverage.Reason.Should().Be(
            "NeedsLogging: no rule maps it, and no table that would show it is enabled: enable SigninLogs (ATT&CK analytic AN1503 lists azure:signinlogs), then write a rule");
        coverage.VisibleIn.Should().BeEmpty();
        coverage.Rules.Should().BeEmpty();
        coverage.Tactics.Should().HaveCount(4).And.OnlyContain(t => t.Status == CoverageStatus.NeedsLogging);
        coverage.AttackLogSources.Single().ToString().Should().Be("azure:signinlogs (AN1503) -> SigninLogs (not enabled)");
    }

    [Fact]
    public void GateCheck_UnmappedNeedsLogging_FailsANeedsRuleMinimumButAMappedNeedsLoggingPasses()
    {
        var signInsOff = LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn);
        var unmapped = CoverageSnapshot.From(_calculator.Calculate(_catalog, Array.Empty<MappingRule>(), signInsOff));
        var rule = new MappingRule("signin.cloud-account", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "test");
        var mapped = CoverageSnapshot.From(_calculator.Calculate(_catalog, new[] { rule }, signInsOff));

        unmapped.Find("T1078.004")!.Status.Should().Be(CoverageStatus.NeedsLogging);
        CoverageGate.Parse("T1078.004:NeedsRule").Check(unmapped).Should().ContainSingle()
            .Which.Should().StartWith("T1078.004 Cloud Accounts: NeedsLogging (no rule maps it), required at least NeedsRule (NeedsLogging: no rule maps it");
        CoverageGate.Parse("T1078.004:NeedsLogging").Check(unmapped).Should().ContainSingle()
            .Which.Should().StartWith("T1078.004 Cloud Accounts: NeedsLogging (no rule maps it), required at least NeedsLogging with a rule mapping it (NeedsLogging: no rule maps it");
        mapped.Find("T1078.004")!.Status.Should().Be(CoverageStatus.NeedsLogging);
        CoverageGate.Parse("T1078.004:NeedsLogging").Check(mapped).Should().BeEmpty();
        CoverageGate.Parse("T1078.004:NeedsReview").Check(mapped).Should().ContainSingle()
            .Which.Should().StartWith("T1078.004 Cloud Accounts: NeedsLogging, required at least NeedsReview (NeedsLogging: mapped by 1 rule");
    }

    [Fact]
    public void Compare_NeedsLoggingTechniqueLosesItsLastRule_IsADowngradeNamingIt()
    {
        var signInsOff = LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn);
        var rule = new MappingRule("signin.cloud-account", LogFamily.EntraSignIn, new[] { "T1078.004" }, EvidenceKind.DirectDetection, "test");
        var mapped = _calculator.Calculate(_catalog, new[] { rule }, signInsOff);
        var unmapped = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), signInsOff);

        var lost = CoverageDiff.Compare(mapped, unmapped).Changes.Should().ContainSingle(c => c.TechniqueId == "T1078.004").Subject;
        var gained = CoverageDiff.Compare(unmapped, mapped).Changes.Should().ContainSingle(c => c.TechniqueId == "T1078.004").Subject;

        lost.Kind.Should().Be(CoverageChangeKind.Downgraded);
        lost.Before.Should().Be(CoverageStatus.NeedsLogging);
        lost.After.Should().Be(CoverageStatus.NeedsLogging);
        lost.Reason.Should().StartWith("NeedsLogging -> NeedsLogging (no rule maps it): no table that would show it is enabled: enable SigninLogs");
        gained.Kind.Should().Be(CoverageChangeKind.Upgraded);
        gained.Reason.Should().StartWith("NeedsLogging (no rule maps it) -> NeedsLogging: mapped by 1 rule");
        CoverageGate.Parse("downgrade").Check(CoverageSnapshot.From(unmapped), CoverageDiff.Compare(mapped, unmapped)).Select(l => l.Substring(0, l.IndexOf(':', l.IndexOf(':') + 1)))
            .Should().Equal("T1078 Valid Accounts: NeedsLogging -> NeedsLogging (no rule maps it)", "T1078.004 Cloud Accounts: NeedsLogging -> NeedsLogging (no rule maps it)");
    }

    [Fact]
    public void Calculate_OnlyNonInteractiveSignInsEnabled_NeedsRuleNamingThatTable()
    {
        var coverage = Coverage("T1078.004", LogSourceInventory.FromTables(new[] { "AADNonInteractiveUserSignInLogs" }));

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be("NeedsRule: no rule maps it; AADNonInteractiveUserSignInLogs is enabled and ATT&CK analytic AN1503 lists azure:signinlogs");
    }

    [Fact]
    public void Calculate_OnlyWorkloadSignInsEnabled_UserSignInAnalyticNeedsLogging()
    {
        var coverage = Coverage("T1078.004", LogSourceInventory.FromTables(new[] { "AADServicePrincipalSignInLogs", "AADManagedIdentitySignInLogs" }));

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging, "service principal and managed identity sign-ins do not show a user's sign-in");
        coverage.Reason.Should().Contain("enable SigninLogs");
    }

    [Fact]
    public void Calculate_UnmappedTechniqueWithoutAzureSource_NeedsRuleAsBefore()
    {
        var coverage = Coverage("T1485", LogSourceInventory.NoneEnabled);

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be("NeedsRule: no rule maps it");
        coverage.AttackLogSources.Should().BeEmpty();
        coverage.VisibleIn.Should().BeEmpty();
    }

    [Fact]
    public void Calculate_ParentWithoutRules_RollsUpItsSubTechniquesAnalytics()
    {
        var coverage = Coverage("T1110", LogSourceInventory.AllEnabled);

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be(
            "NeedsRule: no rule maps it or any of its sub-techniques; SigninLogs is enabled and ATT&CK analytics AN1277, AN1339 (via T1110.003) list azure:signinlogs");
        coverage.AttackLogSources.Select(s => (s.Reference.AnalyticId, s.ViaSubTechnique)).Should().Equal(("AN1277", (string?)null), ("AN1339", "T1110.003"));
    }

    [Fact]
    public void Calculate_ParentWithoutRulesAndSignInsDisabled_NeedsLoggingOnceForBothAnalytics()
    {
        var coverage = Coverage("T1110", LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn));

        coverage.Reason.Should().Be(
            "NeedsLogging: no rule maps it or any of its sub-techniques, and no table that would show it is enabled: enable SigninLogs "
            + "(ATT&CK analytics AN1277, AN1339 (via T1110.003) list azure:signinlogs), then write a rule");
    }

    [Fact]
    public void Calculate_RulesExist_TheirFamiliesDecideFirst()
    {
        var rule = Rule("audit.new-cloud-account", LogFamily.EntraAudit, EvidenceKind.DirectDetection, "T1078.004");

        var coverage = Coverage("T1078.004", LogSourceInventory.AllEnabled.Without(LogFamily.EntraAudit), rule);

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging, "the rule's log is off, although ATT&CK's sign-in log is on");
        coverage.Reason.Should().Be("NeedsLogging: mapped by 1 rule but its log source is not enabled: enable AuditLogs");
        coverage.VisibleIn.Should().Equal("SigninLogs");
    }

    [Fact]
    public void Calculate_PolicySourceOfRevokedPredecessor_ReadsAuditLogs()
    {
        var coverage = Coverage("T1685.002", LogSourceInventory.AllEnabled.Without(LogFamily.EntraAudit));

        coverage.Status.Should().Be(CoverageStatus.NeedsLogging);
        coverage.Reason.Should().Be(
            "NeedsLogging: no rule maps it, and no table that would show it is enabled: enable AuditLogs (ATT&CK analytic AN0802 lists azure:policy), then write a rule");
        coverage.AttackLogSources.Single().Reference.SourceTechniqueId.Should().Be("T1562.008");
    }

    [Fact]
    public void Calculate_OnlyASourceTheLibraryDoesNotRead_NeedsRuleSayingSo()
    {
        var coverage = Coverage("T1614", LogSourceInventory.AllEnabled);

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be("NeedsRule: no rule maps it; ATT&CK analytic AN0122 lists azure:vpcflow, a source this library does not read");
        var source = coverage.AttackLogSources.Single();
        source.IsReadByAttackMap.Should().BeFalse();
        source.Family.Should().BeNull();
        source.DisplayTable.Should().BeNull();
        source.ToString().Should().Be("azure:vpcflow (AN0122) -> a source AttackMap does not read");
    }

    [Fact]
    public void Calculate_ActivityDisabledAndVmGuestSource_NeedsLoggingForActivityAndNamesTheOther()
    {
        var disabled = Coverage("T1651", LogSourceInventory.AllEnabled.Without(LogFamily.AzureActivity));
        var enabled = Coverage("T1651", LogSourceInventory.AllEnabled.Without(LogFamily.EntraAudit));

        disabled.Reason.Should().Be(
            "NeedsLogging: no rule maps it, and no table that would show it is enabled: enable AzureActivity (ATT&CK analytic AN1502 lists azure:activity), then write a rule; "
            + "ATT&CK analytic AN1502 also lists azure:vmguest, a source this library does not read");
        enabled.Reason.Should().Be(
            "NeedsRule: no rule maps it; AzureActivity is enabled and ATT&CK analytic AN1502 lists azure:activity; "
            + "ATT&CK analytic AN1502 also lists azure:vmguest, a source this library does not read");
    }

    [Fact]
    public void Compare_EnablingTheLogAnUnmappedTechniqueNeeds_IsAnUpgrade()
    {
        var off = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn));
        var on = _calculator.Calculate(_catalog, Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled);
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(new JsonCoverageReportExporter().ToJson(off)));

        var enabling = CoverageDiff.Compare(CoverageSnapshot.ReadJson(json), CoverageSnapshot.From(on));
        var disabling = CoverageDiff.Compare(on, off);

        enabling.Changes.Select(c => (c.TechniqueId, c.Before, c.After, c.Kind)).Should().Equal(
            ("T1078", CoverageStatus.NeedsLogging, CoverageStatus.NeedsRule, CoverageChangeKind.Upgraded),
            ("T1078.004", CoverageStatus.NeedsLogging, CoverageStatus.NeedsRule, CoverageChangeKind.Upgraded),
            ("T1110", CoverageStatus.NeedsLogging, CoverageStatus.NeedsRule, CoverageChangeKind.Upgraded),
            ("T1110.003", CoverageStatus.NeedsLogging, CoverageStatus.NeedsRule, CoverageChangeKind.Upgraded));
        disabling.Changes.Should().HaveCount(4, "T1078 rolls up T1078.004's analytic").And.OnlyContain(c => c.Kind == CoverageChangeKind.Downgraded);
    }

    [Fact]
    public void Calculate_BuiltInPackOnDefaultCatalog_PasswordCrackingDependsOnSignIns()
    {
        var rules = RulePack.BuiltIn.Rules;

        var on = _calculator.Calculate(AttackCatalog.Default, rules, LogSourceInventory.AllEnabled).GetCoverage("T1110.002");
        var off = _calculator.Calculate(AttackCatalog.Default, rules, LogSourceInventory.AllEnabled.Without(LogFamily.EntraSignIn)).GetCoverage("T1110.002");

        on.Status.Should().Be(CoverageStatus.NeedsRule);
        on.Reason.Should().Be("NeedsRule: no rule maps it; SigninLogs is enabled and ATT&CK analytic AN0295 lists azure:signinlogs");
        off.Status.Should().Be(CoverageStatus.NeedsLogging);
        off.Reason.Should().Be(
            "NeedsLogging: no rule maps it, and no table that would show it is enabled: enable SigninLogs (ATT&CK analytic AN0295 lists azure:signinlogs), then write a rule");
    }

    [Fact]
    public void Calculate_Embedded181TrustedRelationshipWithAuditOff_NeedsRuleForSignInsAndNamesTheMissingTable()
    {
        var report = _calculator.Calculate(AttackCatalog.LoadEmbedded("18.1"), Array.Empty<MappingRule>(), LogSourceInventory.AllEnabled.Without(LogFamily.EntraAudit));

        var coverage = report.GetCoverage("T1199");

        coverage.Status.Should().Be(CoverageStatus.NeedsRule);
        coverage.Reason.Should().Be("NeedsRule: no rule maps it; SigninLogs is enabled and ATT&CK analytics AN1347, AN1350 list azure:signinlogs (with non-Azure sources); not enabled: AuditLogs");
        coverage.AttackLogSources.Select(s => s.ToString()).Should().Equal(
            "azure:audit (AN1347) -> AuditLogs (not enabled)", "azure:signinlogs (AN1347) -> SigninLogs", "azure:signinlogs (AN1350) -> SigninLogs");
        coverage.AttackLogSources[1].Tables.Should().HaveCount(4, "the AN1347 channel names service principal sign-ins");
    }
}
