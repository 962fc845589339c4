using BenchmarkDotNet.Running;

namespace AttackMap.Benchmarks;

/// <summary>Runs the benchmarks selected on the command line (see docs/performance.md).</summary>
internal static class Program
{
    private static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
}
