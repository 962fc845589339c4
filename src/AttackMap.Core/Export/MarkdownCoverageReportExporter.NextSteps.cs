using System.Text;
using AttackMap.Coverage;
using AttackMap.Mapping;

namespace AttackMap.Export;

/// <content>The "What to do next" section.</content>
public sealed partial class MarkdownCoverageReportExporter
{
    private const int MaxListed = 20;

    private void WriteNextSteps(StringBuilder md, CoverageReport report)
    {
        Line(md, "## What to do next");
        Line(md);
        WriteEnableLogging(md, report);
        WriteRuleSuggestions(md, report);
        WriteReview(md, report);
        if (report.UnresolvedMappings.Count > 0)
        {
            Line(md, "### Fix rule mappings");
            Line(md);
            Line(md, $"These rule mappings name techniques that are unknown or deprecated in ATT&CK v{report.AttackVersion}, so they count for nothing:");
            Line(md);
            foreach (var mapping in report.UnresolvedMappings)
            {
                Line(md, $"- `{mapping}`");
            }

            Line(md);
        }

        if (report.MappedOutOfScope.Count > 0)
        {
            Line(md, "### Rules outside the scope");
            Line(md);
            Line(md, $"{Techniques(report.MappedOutOfScope.Count)} outside the platform scope {(report.MappedOutOfScope.Count == 1 ? "is" : "are")} mapped by rules and not counted above "
                + $"(widen the platforms to include them): {List(report, report.MappedOutOfScope)}.");
            Line(md);
        }
    }

    private static void WriteEnableLogging(StringBuilder md, CoverageReport report)
    {
        Line(md, "### Enable logging");
        Line(md);
        var any = false;
        foreach (var source in report.SourceSummary)
        {
            // Rules decide first: unlocked and stronger only happen for a disabled family. Visible: no rule, and ATT&CK's
            // analytics read this family, in a table that is not enabled.
            var unlocked = report.Techniques.Where(t => t.Status == CoverageStatus.NeedsLogging && t.Rules.Any(r => r.Family == source.Family)).ToArray();
            var stronger = report.Techniques.Where(t => t.Status is CoverageStatus.CorrelationOnly or CoverageStatus.NeedsReview
                && t.Rules.Any(r => r.Family == source.Family && !r.IsSourceEnabled && Rank(r.Kind) < (int)t.Status)).ToArray();
            var visible = report.Techniques.Where(t => t.Status == CoverageStatus.NeedsLogging && t.Rules.Count == 0
                && t.AttackLogSources.Any(a => a.Family == source.Family && !a.IsEnabled)).ToArray();
            if (unlocked.Length + stronger.Length + visible.Length == 0)
            {
                continue;
            }

            any = true;
            var parts = new List<string>();
            if (unlocked.Length > 0)
            {
                parts.Add($"{Techniques(unlocked.Length)} that {(unlocked.Length == 1 ? "needs" : "need")} logging {(unlocked.Length == 1 ? "gets" : "get")} coverage: {List(report, unlocked)}.");
            }

            if (stronger.Length > 0)
            {
                parts.Add($"{Techniques(stronger.Length)} {(stronger.Length == 1 ? "gets" : "get")} a stronger rule: {List(report, stronger)}.");
            }

            if (visible.Length > 0)
            {
                parts.Add($"{Techniques(visible.Length)} that no rule maps {(visible.Length == 1 ? "becomes" : "become")} visible (ATT&CK's analytics list this log; then write a rule): {List(report, visible)}.");
            }

            Line(md, $"- **Enable `{source.PrimaryTable}`** ({ExportText.Family(source.Family)}): " + string.Join(" ", parts));
        }

        foreach (var source in report.SourceSummary.Where(s => s.IsEnabled && s.MissingTables.Count > 0))
        {
            any = true;
            Line(md, $"- {ExportText.Family(source.Family)} are collected, but not from {string.Join(", ", source.MissingTables.Select(t => "`" + t + "`"))}: "
                + "activity recorded only there is not seen.");
        }

        if (!any)
        {
            Line(md, "Nothing waits for a log source: every mapped technique already has its rules' logs enabled.");
        }

        Line(md);
    }

    private void WriteRuleSuggestions(StringBuilder md, CoverageReport report)
    {
        var candidates = report.Techniques
            .Where(t => t.Status == CoverageStatus.NeedsRule)
            .OrderByDescending(t => t.VisibleIn.Count > 0)
            .ThenByDescending(t => t.Technique.Platforms.Count(p => report.Platforms.Contains(p, StringComparer.OrdinalIgnoreCase)))
            .ThenByDescending(t => t.Tactics.Count)
            .ThenBy(t => t.Technique.IsSubTechnique)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToArray();
        Line(md, "### Write rules");
        Line(md);
        if (candidates.Length == 0)
        {
            Line(md, "Every in-scope technique is mapped by at least one rule.");
            Line(md);
            return;
        }

        var top = candidates.Take(Math.Max(0, _options.MaxRuleSuggestions)).ToArray();
        var ranking = "those an enabled log already shows (per ATT&CK's analytics) first, then ranked by how many in-scope platforms they cover and how many tactics they serve";
        Line(md, top.Length < candidates.Length
            ? $"{Techniques(candidates.Length)} have no rule. The first {N(top.Length)}, {ranking}:"
            : $"{Techniques(candidates.Length)} {(candidates.Length == 1 ? "has" : "have")} no rule, {ranking}:");
        Line(md);
        Line(md, "| Technique | Tactics | Platforms in scope | Visible in (ATT&CK analytics) |");
        Line(md, "|---|---|---|---|");
        foreach (var coverage in top)
        {
            var tactics = string.Join(", ", coverage.Tactics.Select(t => t.Tactic.Name));
            var platforms = string.Join(", ", report.Platforms.Where(p => coverage.Technique.Platforms.Contains(p, StringComparer.OrdinalIgnoreCase)));
            Line(md, $"| {coverage.Id} {Cell(ExportText.Title(report.Catalog, coverage.Technique))} | {tactics} | {platforms} | {Cell(VisibleIn(coverage))} |");
        }

        Line(md);
    }

    private static void WriteReview(StringBuilder md, CoverageReport report)
    {
        var review = report.Techniques.Where(t => t.Status == CoverageStatus.NeedsReview).ToArray();
        if (review.Length == 0)
        {
            return;
        }

        Line(md, "### Review");
        Line(md);
        Line(md, "Only needs-review rules over enabled logs cover these; decide whether their hits are detections and, if so, promote the rules:");
        Line(md);
        foreach (var coverage in review)
        {
            // Only the rules behind the status: rules of other kinds here read logs that are off, and promoting them would not help.
            var reviewRules = coverage.Rules
                .Where(r => r.Kind == EvidenceKind.NeedsReview && r.IsSourceEnabled)
                .Select(r => r.RuleId)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            Line(md, $"- {coverage.Id} {ExportText.Title(report.Catalog, coverage.Technique)}: {ExportText.RuleList(coverage, reviewRules)}");
        }

        Line(md);
    }

    /// <summary>"SigninLogs (AN1277)": the enabled tables that ATT&amp;CK's analytics say show the technique, or "-".</summary>
    private static string VisibleIn(TechniqueCoverage coverage)
    {
        var visible = coverage.AttackLogSources.Where(s => s.IsEnabled)
            .GroupBy(s => s.EnabledTables[0], StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(s => s.Reference.AnalyticId).Distinct(StringComparer.Ordinal))})")
            .ToArray();
        return visible.Length == 0 ? "-" : string.Join("; ", visible);
    }

    /// <summary>The status a rule kind gives on its own (Direct 0, CorrelationOnly 1, NeedsReview 2).</summary>
    private static int Rank(EvidenceKind kind) => kind switch
    {
        EvidenceKind.DirectDetection => (int)CoverageStatus.Direct,
        EvidenceKind.NeedsReview => (int)CoverageStatus.NeedsReview,
        _ => (int)CoverageStatus.CorrelationOnly,
    };

    private static string List(CoverageReport report, IReadOnlyCollection<TechniqueCoverage> techniques)
    {
        var listed = string.Join(", ", techniques.Take(MaxListed).Select(t => $"{t.Id} {ExportText.Title(report.Catalog, t.Technique)}"));
        return techniques.Count > MaxListed ? $"{listed} and {N(techniques.Count - MaxListed)} more" : listed;
    }
}
