using AttackMap.Attack;
using AttackMap.Correlation;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Correlation throughput (stage: Correlation): the built-in correlation rules over a lazily generated stream of
/// <see cref="Count"/> signals with fixed key cardinality (<see cref="CorrelationSignals"/>). Linear time means the
/// 2M row costs at most 2.2x the 1M row. <see cref="GenerateOnly"/> is the cost of producing the stream, to subtract.
/// </summary>
public class CorrelationBenchmark
{
    private readonly CorrelationSignals _generator = new();
    private CorrelationEngine _engine = null!;

    /// <summary>Gets or sets the number of signals streamed per invocation.</summary>
    [Params(1_000_000, 2_000_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _engine = new CorrelationEngine(CorrelationRuleSet.BuiltIn(AttackCatalog.Default));

    /// <summary>Correlates the stream with the built-in rules; returns the number of findings.</summary>
    [Benchmark]
    public int Correlate() => Run(_engine, _generator.Stream(Count));

    /// <summary>Produces the stream without correlating it.</summary>
    [Benchmark(Baseline = true)]
    public long GenerateOnly()
    {
        long ticks = 0;
        foreach (var signal in _generator.Stream(Count))
        {
            ticks += signal.Time!.Value.UtcTicks & 1;
        }

        return ticks;
    }

    internal static int Run(CorrelationEngine engine, IEnumerable<Signal> signals)
    {
        var findings = 0;
        foreach (var finding in engine.Correlate(signals))
        {
            findings += finding.Records.Count > 0 ? 1 : 0;
        }

        return findings;
    }
}
