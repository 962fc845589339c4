using System.Text;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <content>The per-tactic technique tables.</content>
public sealed partial class MarkdownCoverageReportExporter
{
    private static void WriteTechniqueTables(StringBuilder md, CoverageReport report)
    {
        Line(md, "## Techniques by tactic");
        foreach (var tactic in report.Tactics)
        {
            if (tactic.Total == 0)
            {
                continue;
            }

            Line(md);
            Line(md, $"### {tactic.Tactic.Name} ({tactic.Tactic.Id})");
            Line(md);
            Line(md, $"{Techniques(tactic.Total)}; {N(tactic.GetCount(CoverageStatus.Direct))} with direct detection.");
            Line(md);
            var observed = report.HasObservedEvidence;
            Line(md, "| ID | Technique | Status | Reason | Rules |" + (observed ? " Observed |" : string.Empty));
            Line(md, "|---|---|---|---|---|" + (observed ? "---:|" : string.Empty));
            foreach (var coverage in report.Techniques)
            {
                var annotation = coverage.Tactics.FirstOrDefault(t => ReferenceEquals(t.Tactic, tactic.Tactic));
                if (annotation is null)
                {
                    continue;
                }

                var rules = annotation.RuleIds.Count == 0 ? "-" : ExportText.RuleList(coverage, annotation.RuleIds);
                Line(md, $"| {coverage.Id} | {Cell(ExportText.Title(report.Catalog, coverage.Technique))} | {ExportText.Label(annotation.Status)} | {Cell(annotation.Reason)} | {Cell(rules)} |"
                    + (observed ? $" {N(coverage.ObservedEvidenceCount ?? 0)} |" : string.Empty));
            }
        }

        Line(md);
    }
}
