using AttackMap.Coverage;

namespace AttackMap.Export;

/// <content>The technique entries of the layer.</content>
public sealed partial class NavigatorLayerExporter
{
    private void WriteTechniques(System.Text.Json.Utf8JsonWriter writer, CoverageReport report)
    {
        var expand = new HashSet<string>(
            report.Techniques.Where(t => t.Technique.IsSubTechnique && t.Status != CoverageStatus.NeedsRule).Select(t => t.Technique.ParentId!),
            StringComparer.OrdinalIgnoreCase);
        writer.WriteStartArray("techniques");
        foreach (var coverage in report.Techniques)
        {
            var showSubtechniques = expand.Contains(coverage.Id);
            // One entry for all tactics unless a tactic sees a different status, reason or set of rules: Navigator
            // shows a tactic-less entry under every tactic, which would claim rules that only support another one.
            if (!VariesByTactic(coverage))
            {
                WriteEntry(writer, report, coverage, null, coverage.Status, coverage.Reason, coverage.RuleIds, showSubtechniques);
                continue;
            }

            foreach (var tactic in coverage.Tactics)
            {
                WriteEntry(writer, report, coverage, tactic.Tactic.ShortName, tactic.Status, tactic.Reason, tactic.RuleIds, showSubtechniques);
            }
        }

        writer.WriteEndArray();
    }

    private static bool VariesByTactic(TechniqueCoverage coverage) =>
        coverage.VariesByTactic
        || coverage.Tactics.Any(t => !string.Equals(t.Reason, coverage.Reason, StringComparison.Ordinal) || !t.RuleIds.SequenceEqual(coverage.RuleIds, StringComparer.Ordinal));

    private void WriteEntry(
        System.Text.Json.Utf8JsonWriter writer,
        CoverageReport report,
        TechniqueCoverage coverage,
        string? tactic,
        CoverageStatus status,
        string reason,
        IReadOnlyList<string> ruleIds,
        bool showSubtechniques)
    {
        writer.WriteStartObject();
        writer.WriteString("techniqueID", coverage.Id);
        if (tactic is not null)
        {
            writer.WriteString("tactic", tactic);
        }

        var mapped = ruleIds.Count > 0;
        writer.WriteNumber("score", ExportText.Score(status, mapped));
        if (_options.UseStatusColors)
        {
            writer.WriteString("color", ExportText.Color(status, mapped));
        }

        writer.WriteString("comment", reason);
        writer.WriteStartArray("metadata");
        WriteMetadata(writer, "status", status.ToString());
        var rules = coverage.Rules.Where(r => ruleIds.Contains(r.RuleId, StringComparer.Ordinal)).ToArray();
        foreach (var rule in rules)
        {
            WriteMetadata(writer, "rule", rule.ToString());
        }

        foreach (var source in coverage.Sources.Where(s => rules.Any(r => r.Family == s.Family)))
        {
            WriteMetadata(writer, "source", source.IsEnabled ? string.Join(", ", source.EnabledTables) : $"{source.PrimaryTable} (not enabled)");
        }

        foreach (var attackSource in coverage.AttackLogSources.Select(s => s.ToString()).Distinct(StringComparer.Ordinal))
        {
            WriteMetadata(writer, "ATT&CK log source", attackSource);
        }

        if (report.HasObservedEvidence)
        {
            WriteMetadata(writer, "observed evidence", Number(coverage.ObservedEvidenceCount ?? 0));
        }

        writer.WriteEndArray();
        WriteLinks(writer, coverage, rules);
        if (showSubtechniques)
        {
            writer.WriteBoolean("showSubtechniques", true);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Navigator 4.5 <c>links</c>: the ATT&amp;CK analytic pages behind the technique's log sources, then every http(s)
    /// reference of the entry's rules as "rule source"; each URL once. Omitted when there is none.
    /// </summary>
    private static void WriteLinks(System.Text.Json.Utf8JsonWriter writer, TechniqueCoverage coverage, IEnumerable<CoverageRule> rules)
    {
        var links = new List<(string Label, string Url)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var analytic in coverage.AttackLogSources.GroupBy(s => s.Reference.Url, StringComparer.Ordinal))
        {
            if (seen.Add(analytic.Key))
            {
                links.Add((AnalyticLabel(analytic.ToArray()), analytic.Key));
            }
        }

        foreach (var rule in rules)
        {
            foreach (var url in rule.Rule.References)
            {
                var trimmed = url?.Trim() ?? string.Empty;
                if ((trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                    && trimmed.IndexOf(' ') < 0 && seen.Add(trimmed))
                {
                    links.Add(($"rule source ({rule.RuleId})", trimmed));
                }
            }
        }

        if (links.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("links");
        foreach (var (label, url) in links)
        {
            writer.WriteStartObject();
            writer.WriteString("label", label);
            writer.WriteString("url", url);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>"ATT&amp;CK analytic AN1277 (DET0463, azure:audit, azure:signinlogs, via T1110.003)": every source the analytic lists.</summary>
    private static string AnalyticLabel(IReadOnlyList<AttackLogSourceCoverage> sources)
    {
        var reference = sources[0].Reference;
        var names = sources.Select(s => s.Reference.Name).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
        var via = sources[0].ViaSubTechnique is { } sub ? ", via " + sub : string.Empty;
        return $"ATT&CK analytic {reference.AnalyticId} ({reference.DetectionStrategyId}, {string.Join(", ", names)}{via})";
    }
}
