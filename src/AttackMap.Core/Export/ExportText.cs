using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Signals;

namespace AttackMap.Export;

/// <summary>Labels, scores and colours shared by the exporters.</summary>
internal static class ExportText
{
    public static int Score(CoverageStatus status) => status switch
    {
        CoverageStatus.Direct => 100,
        CoverageStatus.CorrelationOnly => 60,
        CoverageStatus.NeedsReview => 40,
        CoverageStatus.NeedsLogging => 20,
        _ => 0,
    };

    /// <summary>The Navigator score of an entry: an unmapped NeedsLogging (no rule, log off) scores 0 like NeedsRule, not 20.</summary>
    public static int Score(CoverageStatus status, bool mapped) => IsUnmappedNeedsLogging(status, mapped) ? UnmappedNeedsLoggingScore : Score(status);

    /// <summary>The Navigator colour of an entry: an unmapped NeedsLogging gets a darker red than NeedsRule.</summary>
    public static string Color(CoverageStatus status, bool mapped) => IsUnmappedNeedsLogging(status, mapped) ? UnmappedNeedsLoggingColor : Color(status);

    public static bool IsUnmappedNeedsLogging(CoverageStatus status, bool mapped) => status == CoverageStatus.NeedsLogging && !mapped;

    public const int UnmappedNeedsLoggingScore = 0;

    public const string UnmappedNeedsLoggingColor = "#a50026";

    public const string UnmappedNeedsLoggingLabel = "Needs logging, no rule";

    public static string Color(CoverageStatus status) => status switch
    {
        CoverageStatus.Direct => "#1a9850",
        CoverageStatus.CorrelationOnly => "#91cf60",
        CoverageStatus.NeedsReview => "#fee08b",
        CoverageStatus.NeedsLogging => "#fc8d59",
        CoverageStatus.NeedsRule => "#d73027",
        _ => "#bdbdbd",
    };

    public static string Label(CoverageStatus status) => status switch
    {
        CoverageStatus.Direct => "Direct",
        CoverageStatus.CorrelationOnly => "Correlation only",
        CoverageStatus.NeedsReview => "Needs review",
        CoverageStatus.NeedsLogging => "Needs logging",
        CoverageStatus.NeedsRule => "Needs rule",
        _ => "Out of scope",
    };

    public static string Meaning(CoverageStatus status) => status switch
    {
        CoverageStatus.Direct => "A direct-detection rule over an enabled log source raises evidence on its own.",
        CoverageStatus.CorrelationOnly => "Only correlation-context or precondition rules: a finding needs a second signal.",
        CoverageStatus.NeedsReview => "Only needs-review rules: every hit needs an analyst's decision.",
        CoverageStatus.NeedsLogging => "Rules exist but none of their log families is enabled, or no rule maps it and no table that would show ATT&CK's log sources for it is enabled.",
        CoverageStatus.NeedsRule => "No rule maps the technique (an enabled log may already show it: see the reason).",
        _ => "Outside the platform scope.",
    };

    public static string Family(LogFamily family) => family switch
    {
        LogFamily.DefenderForCloud => "Defender for Cloud alerts",
        LogFamily.EntraSignIn => "Entra ID sign-ins",
        LogFamily.EntraRiskDetection => "Entra ID Protection risk detections",
        LogFamily.EntraAudit => "Entra ID audit log",
        LogFamily.AzureActivity => "Azure Activity log",
        _ => family.ToString(),
    };

    /// <summary>The display name; a sub-technique gets its parent's name in front ("Valid Accounts: Cloud Accounts").</summary>
    public static string Title(AttackCatalog catalog, Technique technique) =>
        technique.ParentId is { } parentId && catalog.TryGetTechnique(parentId, out var parent)
            ? parent.Name + ": " + technique.Name
            : technique.Name;

    public static string Summary(CoverageReport report) =>
        string.Join(", ", CoverageReport.Statuses.Select(s => $"{s} {report.GetCount(s).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    /// <summary>Markdown for rule ids: each in backticks, followed by its display name when the rule has one.</summary>
    public static string RuleList(TechniqueCoverage coverage, IEnumerable<string> ruleIds)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in coverage.Rules)
        {
            if (rule.DisplayName is { } name && !names.ContainsKey(rule.RuleId))
            {
                names[rule.RuleId] = name;
            }
        }

        return string.Join(", ", ruleIds.Select(id => names.TryGetValue(id, out var name) ? $"`{id}` ({OneLine(name)})" : $"`{id}`"));
    }

    /// <summary>A name from an imported file on one Markdown line: no line breaks, no backticks opening a code span.</summary>
    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ").Replace("`", "'");
}
