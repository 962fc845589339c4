using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;

namespace AttackMap.Benchmarks;

/// <summary>
/// Runs the benchmarks selected on the command line (see docs/performance.md), or one of the helper commands:
/// <c>--write-jsonl PATH COUNT</c>, <c>--write-csv PATH COUNT</c>, <c>--check-data</c>, <c>--correlation-memory [N ...]</c>.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
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
}
