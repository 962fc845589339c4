using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace AttackMap.Benchmarks;

/// <summary>The one configuration every benchmark runs with: memory diagnoser on, GitHub-markdown report.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.JoinSummary);
}
