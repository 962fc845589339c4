using System.Diagnostics;
using AttackMap.Attack;
using AttackMap.Correlation;

namespace AttackMap.Benchmarks;

/// <summary>
/// <c>--cpu-time</c>: the single-threaded benchmarks again, timed by the process's CPU time instead of wall time, so the
/// numbers hold on a machine shared with other work (a time-sliced thread is not charged for the time it waits). Each
/// case runs five times after a warm-up past tiered compilation; the minimum and the median are printed. Includes GC threads' CPU time.
/// </summary>
internal static class CpuTimeCheck
{
    public static void Run(string? only = null)
    {
        Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
        var classify = new ClassifyBenchmark { Distinct = 4_096 };
        classify.Setup();
        Measure("Classify.RealisticMix (4,096 distinct)", 100_000, () => classify.RealisticMix());
        Measure("Classify.UnmappedOnly (4,096 distinct)", 100_000, () => classify.UnmappedOnly());
        Measure("Classify.MappedOnly (4,096 distinct)", 100_000, () => classify.MappedOnly());
        classify = new ClassifyBenchmark { Distinct = 100_000 };
        classify.Setup();
        Measure("Classify.RealisticMix (100,000 distinct)", 100_000, () => classify.RealisticMix());
        Measure("Classify.UnmappedOnly (100,000 distinct)", 100_000, () => classify.UnmappedOnly());
        if (only == "classify")
        {
            for (var i = 0; i < 200; i++)
            {
                classify.RealisticMix();
            }

            return;
        }

        var endToEnd = new EndToEndBenchmark();
        endToEnd.Setup();
        Measure("EndToEnd.JsonLinesLibrary", 20_000, () => endToEnd.JsonLinesLibrary());
        Measure("EndToEnd.JsonLinesRawTokenScan", 20_000, () => endToEnd.JsonLinesRawTokenScan());
        Measure("EndToEnd.JsonLinesNaiveJsonDocument", 20_000, () => endToEnd.JsonLinesNaiveJsonDocument());
        Measure("EndToEnd.CsvLibrary", 20_000, () => endToEnd.CsvLibrary());
        Measure("EndToEnd.CsvRawScan", 20_000, () => endToEnd.CsvRawScan());
        Measure("EndToEnd.CsvNaiveTextFieldParser", 20_000, () => endToEnd.CsvNaiveTextFieldParser());

        var startup = new StartupBenchmark();
        Measure("Startup.CatalogAndBuiltInRegistry", 1, () => startup.CatalogAndBuiltInRegistry().Rules.Count);
        var coverage = new CoverageBenchmark();
        coverage.Setup();
        Measure("Coverage.BuiltInPlus5000Imported", 1, () => coverage.BuiltInPlus5000Imported().Techniques.Count);

        var engine = new CorrelationEngine(CorrelationRuleSet.BuiltIn(AttackCatalog.Default));
        var generator = new CorrelationSignals();
        Measure("Correlation.1M", 1_000_000, () => CorrelationBenchmark.Run(engine, generator.Stream(1_000_000)), runs: 3);
        Measure("Correlation.2M", 2_000_000, () => CorrelationBenchmark.Run(engine, generator.Stream(2_000_000)), runs: 3);
        Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static void Measure(string name, int operations, Func<long> action, int runs = 5)
    {
        // Warm up past tiered JIT (30 calls, then background promotion): at least 40 calls or 1 s.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 40 && (i < 2 || warmup.ElapsedMilliseconds < 1000); i++)
        {
            action();
        }

        var cpu = new double[runs];
        var wall = new double[runs];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - before).TotalMilliseconds;
            wall[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        var perOp = cpu[0] * 1e6 / operations;
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-45} cpu min {cpu[0],10:F1} ms  median {cpu[runs / 2],10:F1} ms  wall median {wall[runs / 2],10:F1} ms  => {perOp,10:F1} ns CPU per op, {1e9 / perOp / 1e6,8:F2} M ops per CPU-second"));
    }
}
