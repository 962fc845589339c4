using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Classification of already-parsed signals against the built-in registry (stage: Mapping). Every benchmark classifies
/// 100,000 signals per invocation and declares it as <c>OperationsPerInvoke</c>, so Mean and Allocated read per signal.
/// <see cref="Distinct"/> is how many distinct signal objects those 100,000 references cycle through: 100,000 distinct
/// signals (about 60 MB with their strings) do not fit in cache, so each one costs memory latency; 4,096 stay in cache,
/// which is the streaming case (a signal is classified right after it is parsed, while it is still in cache).
/// </summary>
public class ClassifyBenchmark
{
    private const int Count = 100_000;
    private readonly List<Evidence> _output = new(16);
    private RuleRegistry _registry = RuleRegistry.Empty;
    private Signal[] _signals = Array.Empty<Signal>();
    private Signal[] _unmapped = Array.Empty<Signal>();
    private Signal[] _mapped = Array.Empty<Signal>();

    /// <summary>Gets or sets the number of distinct signal objects.</summary>
    [Params(4_096, 100_000)]
    public int Distinct { get; set; } = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        _registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        var distinct = SyntheticSignals.Create(Distinct);
        _signals = Repeat(distinct);
        _unmapped = Repeat(distinct.Where(s => _registry.Classify(s).Count == 0).ToArray());
        _mapped = Repeat(distinct.Where(s => _registry.Classify(s).Count > 0).ToArray());
        var evidence = _mapped.Sum(s => _registry.Classify(s).Count);
        Console.WriteLine($"// distinct {Distinct}; mix: {_signals.Count(s => _registry.Classify(s).Count > 0)} of {Count} mapped; mapped-only set: {evidence / (double)Count:F3} evidence per signal");
    }

    /// <summary>The realistic mix (about 14% mapped); evidence goes into a reused list.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int RealisticMix() => Run(_signals);

    /// <summary>Only signals no rule maps: must allocate nothing.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int UnmappedOnly() => Run(_unmapped);

    /// <summary>Only mapped signals: the allocation is the evidence itself (one object per evidence item).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int MappedOnly() => Run(_mapped);

    /// <summary>The realistic mix through the list-returning overload (a new list per mapped signal).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int RealisticMixReturningList()
    {
        var evidence = 0;
        foreach (var signal in _signals)
        {
            evidence += _registry.Classify(signal).Count;
        }

        return evidence;
    }

    private static Signal[] Repeat(Signal[] subset) => Enumerable.Range(0, Count).Select(i => subset[i % subset.Length]).ToArray();

    private int Run(Signal[] signals)
    {
        var evidence = 0;
        var output = _output;
        foreach (var signal in signals)
        {
            output.Clear();
            evidence += _registry.Classify(signal, output);
        }

        return evidence;
    }
}
