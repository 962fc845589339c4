namespace AttackMap.Coverage;

/// <summary>
/// The status and reason of an in-scope technique that no rule maps, from the log sources ATT&amp;CK's analytics name:
/// NeedsRule when a table that shows it is enabled, NeedsLogging when all such tables are disabled.
/// </summary>
internal static class AttackSourceReasons
{
    public static (CoverageStatus Status, string Reason) Unmapped(bool hasSubTechniques, IReadOnlyList<AttackLogSourceCoverage> sources)
    {
        var noRule = CoverageReasons.NoRule(hasSubTechniques);
        if (sources.Count == 0)
        {
            return (CoverageStatus.NeedsRule, noRule);
        }

        var read = sources.Where(s => s.IsReadByAttackMap).ToArray();
        var enabled = read.Where(s => s.IsEnabled).ToArray();
        var notRead = sources.Where(s => !s.IsReadByAttackMap).ToArray();
        if (enabled.Length > 0)
        {
            var tables = TablesOf(enabled, s => s.EnabledTables[0]);
            var missing = TablesOf(read.Where(s => !s.IsEnabled), s => s.Tables[0]);
            return (CoverageStatus.NeedsRule,
                $"{noRule}; {string.Join(", ", tables)} {(tables.Count == 1 ? "is" : "are")} enabled and {Analytics(enabled)}"
                + (missing.Count > 0 ? "; not enabled: " + string.Join(", ", missing) : string.Empty)
                + NotRead(notRead, also: true));
        }

        if (read.Length > 0)
        {
            var tables = TablesOf(read, s => s.Tables[0]);
            return (CoverageStatus.NeedsLogging,
                $"NeedsLogging: no rule maps it{(hasSubTechniques ? " or any of its sub-techniques" : string.Empty)}, "
                + $"and no table that would show it is enabled: enable {string.Join(" or ", tables)} ({Analytics(read)}), then write a rule"
                + NotRead(notRead, also: true));
        }

        return (CoverageStatus.NeedsRule, $"{noRule}; {NotRead(notRead, also: false)}");
    }

    /// <summary>
    /// "ATT&amp;CK analytic AN1277 lists azure:signinlogs" or "ATT&amp;CK analytics AN1347, AN1350 (via T1098.001) list azure:audit,
    /// azure:signinlogs (with non-Azure sources)": MITRE's analytic lists the source, it may need others too; then the
    /// corrections of MITRE's labels that apply ("; label corrected: ...").
    /// </summary>
    private static string Analytics(IReadOnlyCollection<AttackLogSourceCoverage> sources)
    {
        var analytics = sources
            .Select(s => s.Reference.AnalyticId + (s.ViaSubTechnique is null ? string.Empty : " (via " + s.ViaSubTechnique + ")"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var names = Names(sources);
        var other = sources.Any(s => s.Reference.AlsoListsNonAzureSources) ? " (with non-Azure sources)" : string.Empty;
        var corrections = sources.Select(s => s.Correction).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        return (analytics.Length == 1
                ? $"ATT&CK analytic {analytics[0]} lists {string.Join(", ", names)}"
                : $"ATT&CK analytics {string.Join(", ", analytics)} list {string.Join(", ", names)}")
            + other
            + (corrections.Length == 0 ? string.Empty : "; label corrected: " + string.Join("; ", corrections));
    }

    /// <summary>Sources no table AttackMap reads shows: MITRE's own (vmguest, vpcflow), then corrected channels (reads).</summary>
    private static string NotRead(IReadOnlyCollection<AttackLogSourceCoverage> sources, bool also)
    {
        var text = new System.Text.StringBuilder();
        var other = sources.Where(s => !s.IsCorrectedNotVisible).ToArray();
        if (other.Length > 0)
        {
            var names = Names(other);
            var analytics = other.Select(s => s.Reference.AnalyticId).Distinct(StringComparer.Ordinal).ToArray();
            text.Append(also ? "; " : string.Empty)
                .Append($"ATT&CK {(analytics.Length == 1 ? "analytic" : "analytics")} {string.Join(", ", analytics)} {(also ? "also " : string.Empty)}{(analytics.Length == 1 ? "lists" : "list")} ")
                .Append($"{string.Join(", ", names)}, {(names.Count == 1 ? "a source" : "sources")} this library does not read");
            also = true;
        }

        foreach (var source in sources.Where(s => s.IsCorrectedNotVisible))
        {
            text.Append(also ? "; " : string.Empty)
                .Append($"ATT&CK analytic {source.Reference.AnalyticId} {(also ? "also " : string.Empty)}lists {source.Reference.Name}, but {source.Correction}");
            also = true;
        }

        return text.ToString();
    }

    private static IReadOnlyList<string> Names(IEnumerable<AttackLogSourceCoverage> sources) =>
        sources.Select(s => s.Reference.Name).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Distinct tables in the order of the five families (<c>SigninLogs</c> before <c>AuditLogs</c> before <c>AzureActivity</c>).</summary>
    private static IReadOnlyList<string> TablesOf(IEnumerable<AttackLogSourceCoverage> sources, Func<AttackLogSourceCoverage, string> table)
    {
        var all = LogSourceTables.AllTables().ToList();
        return sources.Select(table).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(t => all.IndexOf(t)).ToArray();
    }
}
