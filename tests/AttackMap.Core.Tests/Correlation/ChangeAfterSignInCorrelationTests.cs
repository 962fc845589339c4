using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class ChangeAfterSignInCorrelationTests
{
    private const string AfterRisky = "correlation.change-after-risky-sign-in";
    private const string AfterNew = "correlation.change-after-new-sign-in-location";
    private const string Tags = "Microsoft.Resources/tags/write";

    private readonly CorrelationSignals _s = new("mixed.jsonl");

    [Fact]
    public void RiskySignInThenActivityWrite_CrossFamilyFinding()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(14, 0), Avery, risk: "medium"),
            _s.Activity(At(14, 20), Avery, Tags, Vm("vm-app-01")),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(AfterRisky);
        finding.Key.Should().Be(Avery);
        finding.Indexes().Should().Equal(0, 1);
        finding.Records.Select(r => r.Step).Should().Equal("risky-sign-in", "change");
        finding.DependsOnFamilies.Should().Equal(LogFamily.EntraSignIn, LogFamily.AzureActivity);
        finding.Tables.Should().Equal("AzureActivity", "SigninLogs");
        finding.IsCrossFamily.Should().BeTrue();
        finding.Techniques.Select(t => t.Id).Should().Equal("T1078.004");
    }

    [Fact]
    public void RiskDetectionThenAuditChange_Found()
    {
        var signals = new Signal[]
        {
            _s.RiskDetection(At(14, 0), Avery, "high"),
            _s.Audit(At(14, 30), Avery, "Update application – Certificates and secrets management "),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.DependsOnFamilies.Should().Equal(LogFamily.EntraRiskDetection, LogFamily.EntraAudit);
        finding.Tables.Should().Equal("AADUserRiskEvents", "AuditLogs");
    }

    [Fact]
    public void AggregatedRiskOnly_IsEnough()
    {
        var signIn = new EntraSignIn(_s.NextOrigin(), SignInKind.UserNonInteractive, "0")
        {
            Table = "AADNonInteractiveUserSignInLogs", Time = At(14, 0), Principal = User(Avery), RiskLevelAggregated = "High",
        };

        var findings = CorrelationHarness.Run(new Signal[] { signIn, _s.Activity(At(14, 5), Avery, Tags, Vm("vm-app-01")) }).Findings;

        findings.Of(AfterRisky).Should().ContainSingle().Which.Tables.Should().Equal("AADNonInteractiveUserSignInLogs", "AzureActivity");
    }

    [Theory]
    [InlineData("low", "Succeeded", 20, Avery)]
    [InlineData("medium", "Failed", 20, Avery)]
    [InlineData("medium", "Started", 20, Avery)]
    [InlineData("medium", "Succeeded", 61, Avery)]
    [InlineData("medium", "Succeeded", 20, Blake)]
    public void NearMisses_NoFinding(string risk, string status, int minutesLater, string caller)
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(14, 0), Avery, risk: risk),
            _s.Activity(At(14, 0).AddMinutes(minutesLater), caller, Tags, Vm("vm-app-01"), status),
        };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void WriteBeforeTheRiskySignIn_NoFinding()
    {
        var signals = new Signal[] { _s.Activity(At(13, 50), Avery, Tags, Vm("vm-app-01")), _s.SignIn(At(14, 0), Avery, risk: "high") };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void SignInArrivesAfterTheWriteWithinLateness_StillFound()
    {
        var signIn = _s.SignIn(At(14, 0), Avery, risk: "high");
        var write = _s.Activity(At(14, 2), Avery, Tags, Vm("vm-app-01"));

        CorrelationHarness.Run(new Signal[] { write, signIn }).Findings.Of(AfterRisky).Should().ContainSingle().Which.Indexes().Should().Equal(0, 1);
    }

    [Fact]
    public void SignInArrivesBeyondLateness_CountedLateAndNotFound()
    {
        var signIn = _s.SignIn(At(14, 0), Avery, risk: "high");
        var write = _s.Activity(At(14, 20), Avery, Tags, Vm("vm-app-01"));

        var (findings, statistics) = CorrelationHarness.Run(new Signal[] { write, signIn });

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }

    [Fact]
    public void LaterWritesInsideTheWindow_JoinOneFinding()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(14, 0), Avery, risk: "high"),
            _s.Activity(At(14, 10), Avery, Tags, Vm("vm-app-01")),
            _s.Activity(At(14, 40), Avery, Tags, Vm("vm-app-02")),
            _s.Activity(At(15, 30), Avery, Tags, Vm("vm-app-03")),
        };

        var findings = CorrelationHarness.Run(signals).Findings;

        findings.Should().ContainSingle().Which.Indexes().Should().Equal(0, 1, 2);
    }

    [Fact]
    public void NewIpAndCountryThenChange_FoundForReview()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(9, 0), Avery, ip: "198.51.100.10", location: "GB"),
            _s.SignIn(At(14, 0), Avery, ip: "203.0.113.66", location: "NL"),
            _s.Audit(At(14, 10), Avery, "Add member to group"),
        };

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(AfterNew);
        finding.Kind.Should().Be(EvidenceKind.NeedsReview);
        finding.Indexes().Should().Equal(1, 2);
        finding.Records[0].Step.Should().Be("new-location-sign-in");
    }

    [Fact]
    public void KnownIpThenChange_NoFinding()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(9, 0), Avery, ip: "198.51.100.10"),
            _s.SignIn(At(14, 0), Avery, ip: "198.51.100.10"),
            _s.Audit(At(14, 10), Avery, "Add member to group"),
        };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void FirstSignInOfThePrincipal_OnlySetsTheBaseline()
    {
        var signals = new Signal[] { _s.SignIn(At(14, 0), Avery, ip: "203.0.113.66"), _s.Audit(At(14, 10), Avery, "Add member to group") };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void NewIpOfAnotherPrincipal_NoFinding()
    {
        var signals = new Signal[]
        {
            _s.SignIn(At(9, 0), Avery, ip: "198.51.100.10"),
            _s.SignIn(At(9, 5), Blake, ip: "198.51.100.11"),
            _s.SignIn(At(14, 0), Blake, ip: "203.0.113.66"),
            _s.Audit(At(14, 10), Avery, "Add member to group"),
        };

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }
}
