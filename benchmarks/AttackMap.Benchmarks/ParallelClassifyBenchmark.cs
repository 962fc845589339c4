using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Scaling of classification over cores: the same 1,000,000-signal array classified on one thread, and with
/// <see cref="Parallel.For(int, int, Action{int})"/> over <see cref="Environment.ProcessorCount"/> contiguous partitions
/// (the registry is immutable and shared; each partition allocates its own evidence list on its own thread). Mean reads per signal.
/// <see cref="Distinct"/>: the 1,000,000 references cycle through 4,096 cache-resident signals or 1,000,000 distinct ones.
/// </summary>
public class ParallelClassifyBenchmark
{
    private const int Count = 1_000_000;
    private RuleRegistry _registry = RuleRegistry.Empty;
    private Signal[] _signals = Array.Empty<Signal>();
    private List<Evidence>[] _outputs = Array.Empty<List<Evidence>>();

    /// <summary>Gets or sets the number of distinct signal objects.</summary>
    [Params(4_096, 1_000_000)]
    public int Distinct { get; set; } = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        var distinct = SyntheticSignals.Create(Distinct);
        _signals = Enumerable.Range(0, Count).Select(i => distinct[i % distinct.Length]).ToArray();
        _outputs = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new List<Evidence>(16)).ToArray();
        Console.WriteLine($"// ProcessorCount = {Environment.ProcessorCount}");
    }

    /// <summary>One thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int SingleThread() => Classify(0, 0, Count);

    /// <summary>All cores, one contiguous partition each.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public int AllCores()
    {
        var partitions = Environment.ProcessorCount;
        var counts = new int[partitions];
        Parallel.For(0, partitions, p => counts[p] = Classify(p, (int)((long)Count * p / partitions), (int)((long)Count * (p + 1) / partitions)));
        return counts.Sum();
    }

    private int Classify(int partition, int from, int to)
    {
        // Each thread allocates its own list: lists made together in setup share a cache line, and Clear() on one
        // would then invalidate the other core's copy on every signal (false sharing).
        var output = partition == 0 && from == 0 && to == Count ? _outputs[0] : new List<Evidence>(16);
        var signals = _signals;
        var evidence = 0;
        for (var i = from; i < to; i++)
        {
            output.Clear();
            evidence += _registry.Classify(signals[i], output);
        }

        return evidence;
    }
}
