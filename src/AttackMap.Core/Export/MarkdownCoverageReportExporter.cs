using System.Globalization;
using System.Text;
using AttackMap.Coverage;

namespace AttackMap.Export;

/// <summary>
/// Writes a coverage report as Markdown for detection engineers: a summary per status, a table per tactic in matrix
/// order, "What to do next" (log tables to enable, techniques that need a rule, rules to review), then every in-scope
/// technique grouped by tactic with its status, reason and rules.
/// </summary>
/// <remarks>Lines end with <c>\n</c> on every platform; output is deterministic.</remarks>
public sealed partial class MarkdownCoverageReportExporter : ICoverageExporter
{
    private readonly MarkdownCoverageReportOptions _options;

    /// <summary>Creates an exporter.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    public MarkdownCoverageReportExporter(MarkdownCoverageReportOptions? options = null)
    {
        _options = options ?? new MarkdownCoverageReportOptions();
    }

    /// <inheritdoc />
    public string Format => "markdown";

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public void Write(CoverageReport report, Stream output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        var bytes = new UTF8Encoding(false).GetBytes(ToMarkdown(report));
        output.Write(bytes, 0, bytes.Length);
        output.Flush();
    }

    /// <inheritdoc />
    public Task WriteAsync(CoverageReport report, Stream output, CancellationToken cancellationToken = default) =>
        ExportStreams.WriteBufferedAsync(buffer => Write(report, buffer), output, cancellationToken);

    /// <summary>Renders the report as Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown(CoverageReport report)
    {
        if (report is null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        var md = new StringBuilder();
        WriteHeader(md, report);
        WriteSummary(md, report);
        WriteTacticTable(md, report);
        WriteNextSteps(md, report);
        if (_options.UnmappedKeys is { } unmapped)
        {
            WriteUnmapped(md, unmapped);
        }
        if (_options.IncludeTechniqueTables)
        {
            WriteTechniqueTables(md, report);
        }

        if (IsLongProvenance(report.Catalog.Provenance))
        {
            // A derived catalog explains itself at length; the first screen of the report is for the coverage.
            Line(md, "## About the ATT&CK catalog");
            Line(md);
            Line(md, report.Catalog.Provenance);
            Line(md);
        }

        return md.ToString();
    }

    private static bool IsLongProvenance(string provenance) => provenance.Length > 160;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Techniques(int count) => count == 1 ? "1 technique" : N(count) + " techniques";

    private static string Percent(int part, int total) =>
        total == 0 ? "-" : ((double)part * 100 / total).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Makes text safe for a table cell: no pipes breaking the row, no line breaks.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private void WriteHeader(StringBuilder md, CoverageReport report)
    {
        Line(md, "# " + _options.Title);
        Line(md);
        var provenance = report.Catalog.Provenance;
        var where = provenance.Length == 0 ? string.Empty
            : IsLongProvenance(provenance) ? " (where the catalog comes from: see the end of this report)"
            : $" ({provenance})";
        Line(md, $"- **ATT&CK**: Enterprise v{report.AttackVersion}{where}");
        Line(md, $"- **Scope**: platforms {string.Join(", ", report.Platforms)}; " + (report.IncludeSubTechniques ? "techniques and sub-techniques" : "techniques only (sub-technique rules count toward their parent)"));
        Line(md, $"- **Rules**: {N(report.RuleCount)}");
        foreach (var source in report.SourceSummary)
        {
            var state = !source.IsEnabled
                ? "**not enabled**"
                : string.Join(", ", source.EnabledTables.Select(t => "`" + t + "`")) + (source.MissingTables.Count > 0 ? "; not enabled: " + string.Join(", ", source.MissingTables.Select(t => "`" + t + "`")) : string.Empty);
            Line(md, $"- **{ExportText.Family(source.Family)}** ({source.Family}): {state}");
        }

        Line(md);
    }

    private static void WriteSummary(StringBuilder md, CoverageReport report)
    {
        var total = report.Techniques.Count;
        Line(md, "## Summary");
        Line(md);
        Line(md, $"{N(total)} techniques and sub-techniques are in scope. Each is counted once, under its strongest coverage.");
        Line(md);
        Line(md, "| Status | Techniques | Share | Meaning |");
        Line(md, "|---|---:|---:|---|");
        foreach (var status in CoverageReport.Statuses)
        {
            Line(md, $"| {ExportText.Label(status)} | {N(report.GetCount(status))} | {Percent(report.GetCount(status), total)} | {ExportText.Meaning(status)} |");
        }

        Line(md, $"| **Total** | **{N(total)}** | 100% | |");
        Line(md);
    }

    private static void WriteTacticTable(StringBuilder md, CoverageReport report)
    {
        Line(md, "## By tactic");
        Line(md);
        Line(md, "A technique in several tactics is listed under each of them, with the status its rules give it there.");
        Line(md);
        Line(md, "| Tactic | Techniques | " + string.Join(" | ", CoverageReport.Statuses.Select(ExportText.Label)) + " | Direct share |");
        Line(md, "|---|---:|" + string.Concat(CoverageReport.Statuses.Select(_ => "---:|")) + "---:|");
        foreach (var tactic in report.Tactics)
        {
            var counts = string.Join(" | ", CoverageReport.Statuses.Select(s => N(tactic.GetCount(s))));
            Line(md, $"| {tactic.Tactic.Name} ({tactic.Tactic.Id}) | {N(tactic.Total)} | {counts} | {Percent(tactic.GetCount(CoverageStatus.Direct), tactic.Total)} |");
        }

        Line(md);
    }
}
