using AttackMap.Attack;
using AttackMap.Correlation;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// The issue 5 scale point: 5 and 10 million streamed signals, one warm-up and three measured iterations (each iteration
/// takes tens of seconds on two cores). Run separately: <c>--filter '*CorrelationScaleBenchmark*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CorrelationScaleBenchmark
{
    private readonly CorrelationSignals _generator = new();
    private CorrelationEngine _engine = null!;

    /// <summary>Gets or sets the number of signals streamed per invocation.</summary>
    [Params(5_000_000, 10_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = new CorrelationEngine(CorrelationRuleSet.BuiltIn(AttackCatalog.Default));

    /// <summary>Correlates the stream with the built-in rules; returns the number of findings.</summary>
    [Benchmark]
    public int Correlate() => CorrelationBenchmark.Run(_engine, _generator.Stream(Count));
}
