using System.Globalization;
using System.Text;
using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Running;

namespace AttackMap.Benchmarks;

/// <summary>
/// Runs the benchmarks selected on the command line (see docs/performance.md), or one of the helper commands:
/// <c>--write-jsonl PATH COUNT</c>, <c>--write-csv PATH COUNT</c>, <c>--write-lookup PATH</c> (the key table the PowerShell
/// reference script uses), <c>--check-data</c>, <c>--cpu-time</c>, <c>--correlation-memory [N ...]</c>, <c>--memory-1gb</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // --memory-1gb: the 1 GB JSON Lines peak-memory check (see docs/performance-ingestion.md).
        if (args.Length > 0 && args[0].StartsWith("--memory-1gb", StringComparison.Ordinal))
        {
            return IngestionBenchmark.RunMemoryCheck(args);
        }

        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "--write-jsonl":
                using (var writer = new StreamWriter(args[1], false, new UTF8Encoding(false), 1 << 16))
                {
                    SyntheticLogs.WriteJsonLines(writer, int.Parse(args[2], CultureInfo.InvariantCulture));
                }

                return 0;
            case "--write-csv":
                File.WriteAllBytes(args[1], SyntheticLogs.SentinelCsv(int.Parse(args[2], CultureInfo.InvariantCulture)));
                return 0;
            case "--write-lookup":
                WriteLookup(args[1]);
                return 0;
            case "--cpu-time":
                CpuTimeCheck.Run(args.Length > 1 ? args[1] : null);
                return 0;
            case "--check-data":
                DataCheck.Run();
                return 0;
            case "--correlation-memory":
                CorrelationMemory.Run(args.Skip(1).Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToArray());
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
                return 0;
        }
    }

    private static void WriteLookup(string path)
    {
        var registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        var lines = Enum.GetValues<LogFamily>()
            .SelectMany(f => registry.GetRules(f).Where(r => r.MatchField is null).SelectMany(r => r.Keys.Select(k => (Family: f, Key: k.Trim(), r.Techniques))))
            .GroupBy(e => e.Family + "|" + e.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{g.First().Family}\t{g.First().Key}\t{string.Join(",", g.SelectMany(e => e.Techniques).Distinct().Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal);
        File.WriteAllLines(path, lines);
    }
}
