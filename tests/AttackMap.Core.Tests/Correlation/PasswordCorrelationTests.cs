using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class PasswordCorrelationTests
{
    private const string Guessing = "correlation.password-guessing";
    private const string Spraying = "correlation.password-spraying";
    private const string SprayingAsn = "correlation.password-spraying-asn";
    private const string SuccessAfter = "correlation.success-after-failures";

    private readonly CorrelationSignals _s = new("signins.jsonl");

    [Fact]
    public void Guessing_TenFailuresInNineMinutes_OneFindingWithEveryRecord()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), Avery, "50126", ip: "203.0.113.7")).ToList();

        var findings = CorrelationHarness.Run(signals).Findings;

        var finding = findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be(Guessing);
        finding.Key.Should().Be(Avery);
        finding.GroupBy.Should().Be(CorrelationKey.Principal);
        finding.Techniques.Select(t => t.Id).Should().Equal("T1110.001");
        finding.Tactics.Should().Equal("credential-access");
        finding.Kind.Should().Be(EvidenceKind.DirectDetection);
        finding.Indexes().Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        finding.Records.Should().OnlyContain(r => r.Step == "failed-password" && r.MatchKey == "50126" && r.Origin.File == "signins.jsonl");
        finding.First.Should().Be(At(10, 0));
        finding.Last.Should().Be(At(10, 9));
        finding.DependsOnFamilies.Should().Equal(LogFamily.EntraSignIn);
        finding.Tables.Should().Equal("SigninLogs");
        finding.IsCrossFamily.Should().BeFalse();
    }

    [Fact]
    public void Guessing_FailuresKeepComingInsideTheWindow_JoinTheSameFinding()
    {
        var signals = Enumerable.Range(0, 25).Select(i => _s.SignIn(At(10, 0, i * 20), Avery, "50053")).ToList();

        var findings = CorrelationHarness.Run(signals).Findings.Of(Guessing);

        findings.Should().ContainSingle().Which.Records.Should().HaveCount(25);
    }

    [Fact]
    public void Guessing_TwoBurstsAnHourApart_TwoFindings()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), Avery, "50126"))
            .Concat(Enumerable.Range(0, 10).Select(i => _s.SignIn(At(11, i), Avery, "50126")))
            .ToList();

        var findings = CorrelationHarness.Run(signals).Findings.Of(Guessing);

        findings.Select(f => f.Indexes().First()).Should().Equal(0, 10);
    }

    [Fact]
    public void Guessing_FailuresSpreadBeyondTheWindow_NoFinding()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, 0, i * 70), Avery, "50126")).ToList();

        CorrelationHarness.Run(signals).Findings.Of(Guessing).Should().BeEmpty();
    }

    [Fact]
    public void Guessing_FailuresSplitOverTwoPrincipals_NoFinding()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), i % 2 == 0 ? Avery : Blake, "50126")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Guessing_ExpiredPasswordAndInterrupts_AreNotCounted()
    {
        var signals = Enumerable.Range(0, 12).Select(i => _s.SignIn(At(10, i / 2), Avery, i % 2 == 0 ? "50055" : "50140")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Guessing_ReorderedWithinLateness_StillFound()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), Avery, "50126")).ToList();
        var swapped = new List<Signal>();
        for (var i = 0; i < signals.Count; i += 2)
        {
            swapped.Add(signals[i + 1]);
            swapped.Add(signals[i]);
        }

        var (findings, statistics) = CorrelationHarness.Run(swapped);

        findings.Of(Guessing).Should().ContainSingle().Which.Indexes().Should().Equal(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        statistics.LateRecordsDropped.Should().Be(0);
    }

    [Fact]
    public void Guessing_OneFailureArrivesBeyondLateness_CountedLateAndNotFound()
    {
        var failures = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), Avery, "50126")).ToList();
        var later = _s.SignIn(At(10, 30), Blake);
        var signals = failures.Skip(1).Append(later).Append(failures[0]).ToList();

        var (findings, statistics) = CorrelationHarness.Run(signals);

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
        statistics.SignalsProcessed.Should().Be(10);
        statistics.SignalsReceived.Should().Be(11);
    }

    [Fact]
    public void Spraying_FiveAccountsFromOneIp_FindingKeyedByIp()
    {
        var users = Enumerable.Range(1, 5).Select(i => $"00000000-0000-4000-8000-00000000010{i}").ToList();
        var signals = users.Select((u, i) => _s.SignIn(At(3, i), u, "50126", ip: "203.0.113.50")).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(Spraying);
        finding.Key.Should().Be("203.0.113.50");
        finding.Techniques.Select(t => t.Id).Should().Equal("T1110.003");
        finding.Indexes().Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void Spraying_UnknownAndDisabledAccountsCount()
    {
        var codes = new[] { "50126", "50034", "50057", "50053", "50064" };
        var signals = codes.Select((c, i) => _s.SignIn(At(3, i), $"00000000-0000-4000-8000-00000000020{i}", c, ip: "203.0.113.51")).ToList();

        CorrelationHarness.Run(signals).Findings.Of(Spraying).Should().ContainSingle();
    }

    [Fact]
    public void Spraying_FourDistinctAccounts_NoFinding()
    {
        var signals = Enumerable.Range(0, 9).Select(i => _s.SignIn(At(3, i), $"00000000-0000-4000-8000-00000000010{i % 4}", "50126", ip: "203.0.113.50")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Spraying_FiveAccountsFromFiveIps_NoFinding()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(3, i), $"00000000-0000-4000-8000-00000000010{i}", "50126", ip: $"203.0.113.{60 + i}")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Spraying_AccountsSpreadBeyondTheWindow_NoFinding()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(3, i * 10), $"00000000-0000-4000-8000-00000000010{i}", "50126", ip: "203.0.113.50")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Spraying_RotatingIpsInOneAsn_FoundByTheAsnRule()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(3, i), $"00000000-0000-4000-8000-0000000003{i:00}", "50126", ip: $"203.0.113.{100 + i}", asn: "64500")).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(SprayingAsn);
        finding.Key.Should().Be("64500");
        finding.Records.Should().HaveCount(10);
    }

    [Fact]
    public void SuccessAfterFailures_FiveFailuresThenSuccess_FindingWithBothSteps()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126")).Append(_s.SignIn(At(8, 6), Avery)).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(SuccessAfter);
        finding.Techniques.Select(t => t.Id).Should().Equal("T1110.001", "T1078.004");
        finding.Tactics.Should().Equal("initial-access", "persistence", "privilege-escalation", "stealth", "credential-access");
        finding.Records.Select(r => r.Step).Should().Equal("failed-password", "failed-password", "failed-password", "failed-password", "failed-password", "success");
    }

    [Fact]
    public void SuccessAfterFailures_SuccessBeforeTheFailures_NoFinding()
    {
        var signals = new[] { _s.SignIn(At(8, 0), Avery) }.Concat(Enumerable.Range(1, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126"))).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void SuccessAfterFailures_SuccessAfterTheWindow_NoFinding()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126")).Append(_s.SignIn(At(8, 45), Avery)).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void SuccessAfterFailures_SuccessOfAnotherPrincipal_NoFinding()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126")).Append(_s.SignIn(At(8, 6), Blake)).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void SuccessAfterFailures_LastFailureArrivesAfterTheSuccessWithinLateness_StillFound()
    {
        var failures = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126")).ToList();
        var success = _s.SignIn(At(8, 6), Avery);
        var signals = failures.Take(4).Append(success).Append(failures[4]).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.Indexes().Should().Equal(0, 1, 2, 3, 4, 5);
        finding.Records.Last().Step.Should().Be("success");
    }

    [Fact]
    public void SuccessAfterFailures_LastFailureArrivesBeyondLateness_CountedLate()
    {
        var failures = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(8, i), Avery, "50126")).ToList();
        var signals = failures.Take(4).Append(_s.SignIn(At(8, 6), Avery)).Append(_s.SignIn(At(8, 20), Blake)).Append(failures[4]).ToList();

        var (findings, statistics) = CorrelationHarness.Run(signals);

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }
}
