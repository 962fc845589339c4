using BenchmarkDotNet.Running;

namespace AttackMap.Benchmarks;

/// <summary>Runs the benchmarks selected on the command line (see docs/performance.md).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // --memory-1gb: the 1 GB JSON Lines peak-memory check (see docs/performance-ingestion.md).
        if (args.Length > 0 && args[0].StartsWith("--memory-1gb", StringComparison.Ordinal))
        {
            return IngestionBenchmark.RunMemoryCheck(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
        return 0;
    }
}
