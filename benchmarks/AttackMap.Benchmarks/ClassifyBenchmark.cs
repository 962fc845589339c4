using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>Classification of already-parsed signals against the built-in registry (stage: Mapping).</summary>
public class ClassifyBenchmark
{
    private RuleRegistry _registry = RuleRegistry.Empty;
    private Signal[] _signals = Array.Empty<Signal>();
    private Signal[] _unmapped = Array.Empty<Signal>();
    private readonly List<Evidence> _output = new(16);

    /// <summary>Gets or sets the number of signals per invocation.</summary>
    [Params(100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        _signals = SyntheticSignals.Create(Count);
        _unmapped = _signals.Where(s => _registry.Classify(s).Count == 0).ToArray();
    }

    /// <summary>The realistic mix (about 1 in 10 mapped); evidence goes into a reused list.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 100_000)]
    public int RealisticMix()
    {
        var evidence = 0;
        foreach (var signal in _signals)
        {
            _output.Clear();
            evidence += _registry.Classify(signal, _output);
        }

        return evidence;
    }

    /// <summary>Only signals no rule maps: must allocate nothing.</summary>
    [Benchmark(OperationsPerInvoke = 100_000)]
    public int UnmappedOnly()
    {
        var evidence = 0;
        var signals = _unmapped;
        for (var i = 0; i < Count; i++)
        {
            evidence += _registry.Classify(signals[i % signals.Length]).Count;
        }

        return evidence;
    }
}
