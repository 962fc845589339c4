using System.Globalization;
using AttackMap.Coverage;

namespace AttackMap.Cli.Output;

/// <summary>Prints a coverage report's totals and its per-tactic table for people.</summary>
internal static class CoverageSummaryWriter
{
    public static void Write(CoverageReport report, TextWriter output)
    {
        var catalog = report.Catalog;
        output.WriteLine($"ATT&CK Enterprise v{catalog.Version}{(catalog.IsDerived ? " (derived catalog)" : string.Empty)}, platforms: {string.Join(", ", report.Platforms)}");
        output.WriteLine($"{report.Techniques.Count} techniques in scope, {report.RuleCount} mapping rules, {(report.Sources.EnabledTables.Count == 0 ? "no log table enabled" : "enabled log tables: " + string.Join(", ", report.Sources.EnabledTables))}");
        output.WriteLine();
        output.WriteLine(Row("Tactic", "Total", "Direct", "CorrOnly", "NeedsRule", "NeedsLog", "Review"));
        output.WriteLine(new string('-', 86));
        foreach (var tactic in report.Tactics)
        {
            output.WriteLine(Row(
                tactic.Tactic.Name,
                Count(tactic.Total),
                Count(tactic.GetCount(CoverageStatus.Direct)),
                Count(tactic.GetCount(CoverageStatus.CorrelationOnly)),
                Count(tactic.GetCount(CoverageStatus.NeedsRule)),
                Count(tactic.GetCount(CoverageStatus.NeedsLogging)),
                Count(tactic.GetCount(CoverageStatus.NeedsReview))));
        }

        output.WriteLine(new string('-', 86));
        output.WriteLine(Row(
            "All techniques (each counted once)",
            Count(report.Techniques.Count),
            Count(report.GetCount(CoverageStatus.Direct)),
            Count(report.GetCount(CoverageStatus.CorrelationOnly)),
            Count(report.GetCount(CoverageStatus.NeedsRule)),
            Count(report.GetCount(CoverageStatus.NeedsLogging)),
            Count(report.GetCount(CoverageStatus.NeedsReview))));
        output.WriteLine("CorrOnly = CorrelationOnly, NeedsLog = NeedsLogging, Review = NeedsReview (the status names in the reports).");
        output.WriteLine();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Row(string name, string total, string direct, string correlation, string rule, string logging, string review) =>
        string.Format(CultureInfo.InvariantCulture, "{0,-36} {1,6} {2,7} {3,9} {4,10} {5,9} {6,7}", name, total, direct, correlation, rule, logging, review);
}
