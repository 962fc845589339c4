using AttackMap.Attack;
using AttackMap.Ingestion;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Benchmarks;

/// <summary>
/// <c>--check-data</c>: reads the synthetic files back through the library and prints what they hold (outcomes, families,
/// mapped share, bytes per record), so the benchmark inputs can be seen to be what the docs say they are.
/// </summary>
internal static class DataCheck
{
    public static void Run()
    {
        var registry = new RuleRegistryBuilder().AddBuiltInPack().Build(AttackCatalog.Default);
        Describe("JSON Lines", SyntheticLogs.JsonLines(20_000), registry);
        Describe("Sentinel CSV", SyntheticLogs.SentinelCsv(20_000), registry);
        var signals = SyntheticSignals.Create(100_000);
        var mapped = signals.Count(s => registry.Classify(s).Count > 0);
        Console.WriteLine($"Parsed signals: {signals.Length}, mapped {mapped} ({100.0 * mapped / signals.Length:F1}%), evidence {signals.Sum(s => registry.Classify(s).Count)}, " +
            $"distinct principals {signals.Select(s => s.Principal?.Key).Distinct().Count()}, distinct resources {signals.Select(s => s.ResourceId).Distinct().Count()}");
    }

    private static void Describe(string name, byte[] bytes, RuleRegistry registry)
    {
        using var stream = new MemoryStream(bytes);
        var records = new LogReader().Read(stream, name).ToList();
        var signals = records.Where(r => r.Signal is not null).Select(r => r.Signal!).ToList();
        var mapped = signals.Count(s => registry.Classify(s).Count > 0);
        Console.WriteLine($"{name}: {bytes.Length:N0} bytes, {records.Count} records ({bytes.Length / Math.Max(1, records.Count)} bytes each), " +
            string.Join(", ", records.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}")) + "; " +
            string.Join(", ", signals.GroupBy(s => s.Family).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
            $"; mapped {mapped} ({100.0 * mapped / Math.Max(1, signals.Count):F1}%)");
        foreach (var rejected in records.Where(r => r.Outcome != LogRecordOutcome.Signal).Take(3))
        {
            Console.WriteLine("  " + rejected);
        }

        var families = signals.GroupBy(s => s.Family).ToDictionary(g => g.Key, g => g.Count(s => registry.Classify(s).Count > 0));
        Console.WriteLine("  mapped per family: " + string.Join(", ", families.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Console.WriteLine("  sample principal keys: " + string.Join(" | ", signals.Take(5).Select(s => s.Principal?.Key + " @ " + s.IpAddress + " @ " + s.Time?.ToString("O", System.Globalization.CultureInfo.InvariantCulture))));
        _ = signals.OfType<Signal>();
    }
}
