using AttackMap.Correlation;
using AttackMap.Mapping;
using AttackMap.Signals;
using AttackMap.Tests.Support;

namespace AttackMap.Tests.Correlation;

public sealed class SyntheticDayCorrelationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2026)]
    public void Correlate_DayWithOnePlantedChain_ExactlyTheExpectedFindings(int seed)
    {
        var day = SyntheticDay.Generate(seed);
        var engine = new CorrelationEngine(CorrelationHarness.BuiltIn());
        var session = engine.CreateSession();
        foreach (var signal in day.Signals)
        {
            session.Push(signal);
        }

        session.Complete();
        var findings = session.DrainFindings().OrderBy(f => f.RuleId, StringComparer.Ordinal).ToList();

        day.Signals.Should().HaveCountGreaterThan(2500);
        day.Signals.Select(s => s.Family).Distinct().Should().HaveCount(5);
        session.Statistics.SignalsProcessed.Should().Be(day.Signals.Count);
        session.Statistics.LateRecordsDropped.Should().Be(0);
        var signIn = day.Planted["risky-sign-in"];
        var role = day.Planted["role-assignment"];
        var diagnostic = day.Planted["diagnostic-delete"];
        var runCommand = day.Planted["run-command"];
        findings.Select(f => f.RuleId).Should().Equal(
            "correlation.change-after-new-sign-in-location",
            "correlation.change-after-risky-sign-in",
            "correlation.cloud-logs-impaired-after-risky-sign-in",
            "correlation.privileged-change-chain");
        findings.Should().OnlyContain(f => f.Key == CorrelationSignals.Avery);

        var afterNew = findings[0];
        afterNew.Records.Select(r => r.Origin).Should().Equal(signIn, role, diagnostic, runCommand);
        afterNew.Kind.Should().Be(EvidenceKind.NeedsReview);

        var afterRisky = findings[1];
        afterRisky.Records.Select(r => r.Origin).Should().Equal(signIn, role, diagnostic, runCommand);
        afterRisky.Records.Select(r => r.Step).Should().Equal("risky-sign-in", "change", "change", "change");
        afterRisky.DependsOnFamilies.Should().Equal(LogFamily.EntraSignIn, LogFamily.AzureActivity);
        afterRisky.Tables.Should().Equal("AzureActivity", "SigninLogs");
        afterRisky.First.Should().Be(CorrelationSignals.At(14, 0));
        afterRisky.Last.Should().Be(CorrelationSignals.At(14, 24));

        var impaired = findings[2];
        impaired.Records.Select(r => r.Origin).Should().Equal(signIn, diagnostic);
        impaired.Records.Select(r => r.Origin.File).Should().Equal(SyntheticDay.SignInFile, SyntheticDay.ActivityFile);
        impaired.Techniques.Select(t => t.Id).Should().Equal("T1685.002");
        impaired.DependsOnFamilies.Should().Equal(LogFamily.EntraSignIn, LogFamily.AzureActivity);

        var chain = findings[3];
        chain.Records.Select(r => r.Origin).Should().Equal(role, runCommand);
        chain.Techniques.Select(t => t.Id).Should().Equal("T1098.003");
        chain.DependsOnFamilies.Should().Equal(LogFamily.AzureActivity);
        chain.Tables.Should().Equal("AzureActivity");
    }

    [Fact]
    public void Correlate_DayShuffledWithinLateness_SameFindings()
    {
        var day = SyntheticDay.Generate(5);
        var engine = new CorrelationEngine(CorrelationHarness.BuiltIn());
        var ordered = engine.Correlate(day.Signals).Select(f => f.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        // Swap neighbours in blocks of eight: no record moves by more than a few minutes in this day.
        var random = new Random(99);
        var shuffled = day.Signals.Select((s, i) => (s, key: (i / 8 * 8) + random.NextDouble())).OrderBy(x => x.key).Select(x => x.s).ToList();
        var findings = engine.Correlate(shuffled).Select(f => f.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();

        findings.Should().Equal(ordered).And.HaveCount(4);
    }
}
