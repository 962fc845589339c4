using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class MfaCorrelationTests
{
    private const string Flooding = "correlation.mfa-request-flooding";
    private const string ThenSuccess = "correlation.mfa-flooding-then-success";

    private readonly CorrelationSignals _s = new("mfa.jsonl");

    [Fact]
    public void Flooding_FiveDenialsInTwentyMinutes_Found()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(22, i * 4), Avery, i == 2 ? "50088" : "500121")).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Should().ContainSingle().Which;

        finding.RuleId.Should().Be(Flooding);
        finding.Techniques.Select(t => t.Id).Should().Equal("T1621");
        finding.Records.Select(r => r.MatchKey).Should().Equal("500121", "500121", "50088", "500121", "500121");
    }

    [Fact]
    public void Flooding_FollowedBySuccess_AlsoFindsTheSuccessRule()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(22, i), Avery, "500121")).ToList();
        signals.Add(_s.SignIn(At(22, 7), Avery));

        var findings = CorrelationHarness.Run(signals).Findings;

        findings.Select(f => f.RuleId).Should().BeEquivalentTo(Flooding, ThenSuccess);
        var success = findings.Of(ThenSuccess).Single();
        success.Indexes().Should().Equal(0, 1, 2, 3, 4, 5);
        success.Techniques.Select(t => t.Id).Should().Equal("T1621", "T1078.004");
        findings.Of(Flooding).Single().Indexes().Should().Equal(0, 1, 2, 3, 4);
    }

    [Fact]
    public void ThreeDenialsThenSuccess_OnlyTheSuccessRule()
    {
        var signals = Enumerable.Range(0, 3).Select(i => _s.SignIn(At(22, i), Avery, "500121")).Append(_s.SignIn(At(22, 5), Avery)).ToList();

        CorrelationHarness.Run(signals).Findings.Select(f => f.RuleId).Should().Equal(ThenSuccess);
    }

    [Fact]
    public void MfaRequiredInterrupts_AreNotDenials()
    {
        var signals = Enumerable.Range(0, 6).Select(i => _s.SignIn(At(22, i), Avery, i % 2 == 0 ? "50074" : "50076")).Append(_s.SignIn(At(22, 8), Avery)).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Flooding_DenialsSpreadOverTwoHours_NoFinding()
    {
        var signals = Enumerable.Range(0, 5).Select(i => _s.SignIn(At(20, i * 25), Avery, "500121")).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void ThenSuccess_SuccessOfAnotherUser_NoFinding()
    {
        var signals = Enumerable.Range(0, 3).Select(i => _s.SignIn(At(22, i), Avery, "500121")).Append(_s.SignIn(At(22, 5), Blake)).ToList();

        CorrelationHarness.Run(signals).Findings.Should().BeEmpty();
    }

    [Fact]
    public void ThenSuccess_DenialArrivesLateWithinLateness_StillFound()
    {
        var denials = Enumerable.Range(0, 3).Select(i => _s.SignIn(At(22, i), Avery, "500121")).ToList();
        var success = _s.SignIn(At(22, 4), Avery);

        var findings = CorrelationHarness.Run(new[] { denials[0], denials[1], success, denials[2] }).Findings;

        findings.Of(ThenSuccess).Should().ContainSingle().Which.Indexes().Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void ThenSuccess_DenialArrivesBeyondLateness_CountedLate()
    {
        var denials = Enumerable.Range(0, 3).Select(i => _s.SignIn(At(22, i), Avery, "500121")).ToList();
        var signals = new[] { denials[0], denials[1], _s.SignIn(At(22, 4), Avery), _s.SignIn(At(22, 30), Blake), denials[2] };

        var (findings, statistics) = CorrelationHarness.Run(signals);

        findings.Should().BeEmpty();
        statistics.LateRecordsDropped.Should().Be(1);
    }
}
