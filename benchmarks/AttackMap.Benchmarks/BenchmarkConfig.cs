using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace AttackMap.Benchmarks;

/// <summary>The one configuration every benchmark runs with: memory diagnoser on, one GitHub-markdown report per class (each with its own baseline).</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default);
}
