using System.Text;

namespace AttackMap.Export;

/// <content>The "Visible but unmapped" section: keys seen in the observed logs that no rule maps.</content>
public sealed partial class MarkdownCoverageReportExporter
{
    private static void WriteUnmapped(StringBuilder md, IReadOnlyList<UnmappedKey> keys)
    {
        Line(md, "## Visible but unmapped");
        Line(md);
        if (keys.Count == 0)
        {
            Line(md, "Every alert type, operation, audit activity, risk type and result code seen in the logs is mapped by a rule.");
            Line(md);
            return;
        }

        Line(md, $"{N(keys.Count)} keys (alert types, operations, audit activities, risk types, result codes) were seen in the logs, but no rule maps them: candidates for a new rule, or for the not-a-signal list.");
        Line(md);
        Line(md, "| Family | Key | Records | Example |");
        Line(md, "|---|---|---:|---|");
        foreach (var key in keys
            .OrderBy(k => (int)k.Family).ThenByDescending(k => k.Count)
            .ThenBy(k => k.Key, StringComparer.OrdinalIgnoreCase).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            Line(md, $"| {ExportText.Family(key.Family)} | `{Cell(key.Key).Replace("`", "'")}` | {N(key.Count)} | {Cell(key.Example.ToString())} |");
        }

        Line(md);
    }
}
