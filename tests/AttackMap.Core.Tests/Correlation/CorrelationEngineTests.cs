using AttackMap.Correlation;
using AttackMap.Signals;
using AttackMap.Tests.Support;
using static AttackMap.Tests.Support.CorrelationSignals;

namespace AttackMap.Tests.Correlation;

public sealed class CorrelationEngineTests
{
    private readonly CorrelationSignals _s = new("engine.jsonl");

    [Fact]
    public void Push_SignalWithoutTime_CountedUntimedAndSkipped()
    {
        var untimed = _s.Activity(null, Avery, "Microsoft.Insights/diagnosticSettings/delete", Vm("vm1"));
        var signals = new Signal[] { _s.SignIn(At(14, 0), Avery, risk: "high"), untimed };

        var (findings, statistics) = CorrelationHarness.Run(signals);

        findings.Should().BeEmpty();
        statistics.UntimedSignals.Should().Be(1);
        statistics.SignalsProcessed.Should().Be(1);
        statistics.SignalsReceived.Should().Be(2);
    }

    [Fact]
    public void Session_WindowClosesMidStream_FindingDrainedBeforeComplete()
    {
        var session = new CorrelationEngine(CorrelationHarness.BuiltIn()).CreateSession();
        for (var i = 0; i < 10; i++)
        {
            session.Push(_s.SignIn(At(10, i), Avery, "50126"));
        }

        session.DrainFindings().Should().BeEmpty();

        // Guessing and success-after-failures keyed by Avery, spraying keyed by the IP.
        session.ActiveStateCount.Should().Be(3);

        session.Push(_s.SignIn(At(10, 30), Blake));

        session.DrainFindings().Should().ContainSingle().Which.RuleId.Should().Be("correlation.password-guessing");
        session.DrainFindings().Should().BeEmpty();
        session.Complete();
        session.ActiveStateCount.Should().Be(0);
        session.Statistics.FindingsEmitted.Should().Be(1);
    }

    [Fact]
    public void Push_AfterComplete_Throws()
    {
        var session = new CorrelationEngine(CorrelationHarness.BuiltIn()).CreateSession();
        session.Complete();

        var act = () => session.Push(_s.SignIn(At(10, 0), Avery));

        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Correlate_SameInputTwice_SameFindingsInTheSameOrder()
    {
        var signals = SyntheticDay.Generate(seed: 7).Signals;
        var engine = new CorrelationEngine(CorrelationHarness.BuiltIn());

        var first = engine.Correlate(signals).Select(f => f.Id + "|" + f.RuleId + "|" + string.Join(",", f.Indexes())).ToList();
        var second = engine.Correlate(signals).Select(f => f.Id + "|" + f.RuleId + "|" + string.Join(",", f.Indexes())).ToList();

        first.Should().NotBeEmpty().And.Equal(second);
    }

    [Fact]
    public void Finding_Id_IsAStableHash()
    {
        var signals = Enumerable.Range(0, 10).Select(i => _s.SignIn(At(10, i), Avery, "50126")).ToList();

        var finding = CorrelationHarness.Run(signals).Findings.Single();

        finding.Id.Should().MatchRegex("^[0-9a-f]{16}$");
        CorrelationHarness.Run(signals).Findings.Single().Id.Should().Be(finding.Id);
    }

    [Fact]
    public void CorrelateInParallel_FourPartitions_EqualsTheSingleRun()
    {
        var signals = SyntheticDay.Generate(seed: 11, extraAttacks: true).Signals;
        var engine = new CorrelationEngine(CorrelationHarness.BuiltIn());
        var single = engine.Correlate(signals).OrderBy(f => f, FindingComparer.Instance).ToList();

        var parallel = engine.CorrelateInParallel(signals, 4);

        single.Should().HaveCountGreaterThan(4);
        parallel.Select(Describe).Should().Equal(single.Select(Describe));
    }

    [Fact]
    public async Task CorrelateAsync_SameFindingsAsTheSyncRun()
    {
        var signals = SyntheticDay.Generate(seed: 3).Signals;
        var engine = new CorrelationEngine(CorrelationHarness.BuiltIn());
        var found = new List<string>();

        await foreach (var finding in engine.CorrelateAsync(ToAsync(signals)))
        {
            found.Add(finding.Id);
        }

        found.Should().HaveCount(4).And.Equal(engine.Correlate(signals).Select(f => f.Id));
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(2, 2)]
    [InlineData(0, 0)]
    public void CreateSession_PartitionOutOfRange_Throws(int partition, int count)
    {
        var engine = new CorrelationEngine(CorrelationRuleSet.Empty);

        engine.Invoking(e => e.CreateSession(partition, count)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void MaxRecordsPerFinding_ExtraRecordsAreCountedNotListed()
    {
        var signals = Enumerable.Range(0, 30).Select(i => _s.SignIn(At(10, 0, i * 10), Avery, "50126")).ToList();

        var finding = CorrelationHarness.Run(signals, new CorrelationEngineOptions { MaxRecordsPerFinding = 12 }).Findings.Of("correlation.password-guessing").Single();

        finding.Records.Should().HaveCount(12);
        finding.TruncatedRecordCount.Should().Be(18);
    }

    [Fact]
    public void MaxRecordsPerKey_OldestPendingRecordsAreTrimmed()
    {
        var signals = Enumerable.Range(0, 9).Select(i => _s.SignIn(At(10, i), Avery, "50126")).ToList();

        var (findings, statistics) = CorrelationHarness.Run(signals, new CorrelationEngineOptions { MaxRecordsPerKey = 4 });

        findings.Should().BeEmpty();
        statistics.RecordsTrimmed.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Constructor_RuleWindowAboveMaxWindow_Throws()
    {
        var act = () => new CorrelationEngine(CorrelationHarness.BuiltIn(), new CorrelationEngineOptions { MaxWindow = TimeSpan.FromHours(1) });

        act.Should().Throw<ArgumentException>().WithMessage("*correlation.privileged-change-chain*");
    }

    [Fact]
    public void Constructor_NegativeLateness_Throws()
    {
        var act = () => new CorrelationEngine(CorrelationRuleSet.Empty, new CorrelationEngineOptions { AllowedLateness = TimeSpan.FromMinutes(-1) });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ZeroLateness_AnyOutOfOrderRecordIsLate()
    {
        var signals = new Signal[] { _s.SignIn(At(10, 1), Avery), _s.SignIn(At(10, 0), Avery) };

        CorrelationHarness.Run(signals, new CorrelationEngineOptions { AllowedLateness = TimeSpan.Zero }).Statistics.LateRecordsDropped.Should().Be(1);
    }

    [Fact]
    public void ActiveState_LongStreamOfRotatingKeys_StaysBoundedAndIsFreedAtTheEnd()
    {
        // 200,000 signals, one per second; every key is used for 50 consecutive signals and 1,000 keys are in rotation.
        // The longest window of a rule that sees these records is 60 minutes (change after new sign-in location),
        // so at most 3,600 / 50 + 2 keys can be live per rule at any time.
        var rules = CorrelationHarness.BuiltIn();
        var session = new CorrelationEngine(rules).CreateSession();
        var origin = new CorrelationSignals("long.jsonl");
        var peak = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var user = $"00000000-0000-4000-8000-{(i / 50) % 1000:000000000000}";
            var time = Day.AddSeconds(i);
            Signal signal = (i % 4) switch
            {
                0 => origin.SignIn(time, user, "50126", ip: $"198.51.100.{(i / 50) % 200}"),
                1 => origin.SignIn(time, user, ip: $"198.51.100.{(i / 50) % 200}"),
                2 => origin.Activity(time, user, "Microsoft.Resources/tags/write", Vm($"vm-{(i / 50) % 1000}")),
                _ => origin.SignIn(time, user, "500121"),
            };
            session.Push(signal);
            session.DrainFindings();
            peak = Math.Max(peak, session.ActiveStateCount);
        }

        var bound = rules.Count * ((3600 / 50) + 2);
        peak.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(bound);
        session.Statistics.PeakActiveStateCount.Should().BeGreaterThanOrEqualTo(peak).And.BeLessThanOrEqualTo(bound);
        session.Statistics.SignalsBuffered.Should().BeLessThan(5 * 60 + 2);
        session.Complete();
        session.ActiveStateCount.Should().Be(0);
        session.Statistics.SignalsProcessed.Should().Be(200_000);
    }

    [Fact]
    public void SeenValueHistory_IdleKeysAreForgotten()
    {
        var session = new CorrelationEngine(CorrelationHarness.BuiltIn(), new CorrelationEngineOptions { NewValueHistory = TimeSpan.FromDays(1) }).CreateSession();
        for (var i = 0; i < 50; i++)
        {
            session.Push(_s.SignIn(At(1, i), SyntheticDay.UserId(i)));
        }

        session.Push(_s.SignIn(At(2, 0), Avery));
        session.Statistics.SeenValueHistoryCount.Should().Be(50);

        session.Push(_s.SignIn(Day.AddDays(3), Avery));
        session.Push(_s.SignIn(Day.AddDays(4), Blake));

        session.Statistics.SeenValueHistoryCount.Should().Be(1);
    }

    [Fact]
    public void SameTimestamp_OrderedByOriginNotByArrival()
    {
        var activity = new CorrelationSignals("a-activity.jsonl").Activity(At(14, 0), Avery, "Microsoft.Resources/tags/write", Vm("vm1"));
        var signIn = new CorrelationSignals("b-signins.jsonl").SignIn(At(14, 0), Avery, risk: "high");

        // The sign-in's file sorts after the activity's, so at equal times the write comes first and nothing correlates,
        // whichever order they arrive in.
        CorrelationHarness.Run(new Signal[] { signIn, activity }).Findings.Should().BeEmpty();
        CorrelationHarness.Run(new Signal[] { activity, signIn }).Findings.Should().BeEmpty();
    }

    private static async IAsyncEnumerable<Signal> ToAsync(IEnumerable<Signal> signals)
    {
        foreach (var signal in signals)
        {
            await Task.Yield();
            yield return signal;
        }
    }

    private static string Describe(Finding finding) =>
        $"{finding.Id}|{finding.RuleId}|{finding.Key}|{finding.First:O}|{finding.Last:O}|{string.Join(",", finding.Records.Select(r => r.Origin.ToString()))}";
}
