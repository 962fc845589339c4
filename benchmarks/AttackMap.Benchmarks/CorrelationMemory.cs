using System.Globalization;
using System.Diagnostics;
using AttackMap.Attack;
using AttackMap.Correlation;

namespace AttackMap.Benchmarks;

/// <summary>
/// <c>--correlation-memory [N ...]</c>: streams N synthetic signals through one correlation session and prints, every
/// million signals and at the end, the live GC heap (after a full collection), the GC heap size, the live (rule, key)
/// states and the process peak working set. Default N: 1M, 2M, 5M, 10M, each in a fresh session (run each N in its own
/// process, as benchmarks/scripts/correlation-memory.sh does, to read the peak working set per N).
/// </summary>
internal static class CorrelationMemory
{
    public static void Run(long[] counts)
    {
        if (counts.Length == 0)
        {
            counts = new long[] { 1_000_000, 2_000_000, 5_000_000, 10_000_000 };
        }

        var engine = new CorrelationEngine(CorrelationRuleSet.BuiltIn(AttackCatalog.Default));
        var generator = new CorrelationSignals();
        Console.WriteLine("signals,elapsed_s,live_heap_mib,max_live_heap_mib,gc_heap_size_mib,active_states,max_active_states,findings,peak_working_set_mib");
        foreach (var count in counts)
        {
            var session = engine.CreateSession();
            var perRule = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var findings = 0L;
            var maxLive = 0L;
            var maxStates = 0;
            var watch = Stopwatch.StartNew();
            var pushed = 0L;
            foreach (var signal in generator.Stream(count))
            {
                session.Push(signal);
                if (session.HasFindings)
                {
                    findings += Count(session.DrainFindings(), perRule);
                }

                maxStates = Math.Max(maxStates, session.ActiveStateCount);
                if (++pushed % 1_000_000 == 0)
                {
                    maxLive = Math.Max(maxLive, Print(pushed, watch, session.ActiveStateCount, maxLive, maxStates, findings));
                }
            }

            session.Complete();
            findings += Count(session.DrainFindings(), perRule);
            Print(pushed, watch, session.ActiveStateCount, maxLive, maxStates, findings);
            Console.WriteLine($"# N={count:N0}: {count / watch.Elapsed.TotalSeconds / 1e6:F2} M signals/s including generation; max live heap {maxLive / 1048576.0:F1} MiB; max active states {maxStates:N0}");
            Console.WriteLine("# findings per rule: " + string.Join(", ", perRule.Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static int Count(IReadOnlyList<Finding> findings, SortedDictionary<string, long> perRule)
    {
        foreach (var finding in findings)
        {
            perRule[finding.RuleId] = perRule.TryGetValue(finding.RuleId, out var n) ? n + 1 : 1;
        }

        return findings.Count;
    }

    private static long Print(long pushed, Stopwatch watch, int states, long maxLive, int maxStates, long findings)
    {
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(FormattableString.Invariant(
            $"{pushed},{watch.Elapsed.TotalSeconds:F2},{live / 1048576.0:F1},{Math.Max(live, maxLive) / 1048576.0:F1},{info.HeapSizeBytes / 1048576.0:F1},{states},{maxStates},{findings},{process.PeakWorkingSet64 / 1048576.0:F1}"));
        return live;
    }
}
