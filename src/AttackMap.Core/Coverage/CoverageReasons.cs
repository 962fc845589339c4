using AttackMap.Attack;
using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Coverage;

/// <summary>Decides a status from the rules behind a technique and writes the one-line reason.</summary>
internal static class CoverageReasons
{
    public static (CoverageStatus Status, string Reason) Evaluate(IReadOnlyList<CoverageRule> rules, LogSourceInventory sources, string noRuleReason)
    {
        var enabled = rules.Where(r => r.IsSourceEnabled).ToArray();
        var direct = enabled.Where(r => r.Kind == EvidenceKind.DirectDetection).ToArray();
        if (direct.Length > 0)
        {
            return (CoverageStatus.Direct, $"Direct: {Count(direct.Length, "direct-detection rule")} over enabled sources ({Tables(direct, sources)}){Via(direct)}{Missing(direct, sources)}");
        }

        var context = enabled.Where(r => r.Kind is EvidenceKind.CorrelationContext or EvidenceKind.Precondition).ToArray();
        if (context.Length > 0)
        {
            return (CoverageStatus.CorrelationOnly,
                $"CorrelationOnly: {Count(context.Length, "correlation-context or precondition rule")} over enabled sources ({Tables(context, sources)}){Via(context)}; no direct-detection rule"
                + Upgrade(rules, EvidenceKind.DirectDetection));
        }

        var review = enabled.Where(r => r.Kind == EvidenceKind.NeedsReview).ToArray();
        if (review.Length > 0)
        {
            return (CoverageStatus.NeedsReview,
                $"NeedsReview: only {Count(review.Length, "needs-review rule")} over enabled sources ({Tables(review, sources)}){Via(review)}; an analyst must confirm each hit"
                + Upgrade(rules, EvidenceKind.DirectDetection, EvidenceKind.CorrelationContext, EvidenceKind.Precondition));
        }

        if (rules.Count > 0)
        {
            return (CoverageStatus.NeedsLogging,
                $"NeedsLogging: mapped by {Count(rules.Count, "rule")}{Via(rules)} but {(rules.Count == 1 ? "its" : "their")} log source is not enabled: enable {EnableHint(rules)}");
        }

        return (CoverageStatus.NeedsRule, noRuleReason);
    }

    public static string NoRule(bool hasSubTechniques) =>
        hasSubTechniques ? "NeedsRule: no rule maps it or any of its sub-techniques" : "NeedsRule: no rule maps it";

    public static string OutOfScope(Technique technique, IReadOnlyList<string> scope, bool includeSubTechniques, int ruleCount)
    {
        var mapped = ruleCount > 0 ? $"; {Count(ruleCount, "rule")} {(ruleCount == 1 ? "maps" : "map")} it" : string.Empty;
        if (technique.IsSubTechnique && !includeSubTechniques)
        {
            return $"OutOfScope: sub-techniques have no rows in this report; its rules count toward {technique.ParentId}{mapped}";
        }

        return technique.Platforms.Count == 0
            ? $"OutOfScope: it lists no platform{mapped}"
            : $"OutOfScope: its platforms ({string.Join(", ", technique.Platforms)}) are outside the scope ({string.Join(", ", scope)}){mapped}";
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static IEnumerable<LogFamily> Families(IEnumerable<CoverageRule> rules) => rules.Select(r => r.Family).Distinct().OrderBy(f => f);

    private static string Tables(IEnumerable<CoverageRule> rules, LogSourceInventory sources) =>
        string.Join(", ", Families(rules).Select(f => sources.GetEnabledTables(f).FirstOrDefault() ?? LogSourceTables.Primary(f)));

    private static string Missing(IEnumerable<CoverageRule> rules, LogSourceInventory sources)
    {
        var missing = Families(rules).SelectMany(sources.GetMissingTables).ToArray();
        return missing.Length == 0 ? string.Empty : "; not enabled: " + string.Join(", ", missing);
    }

    private static string Via(IReadOnlyCollection<CoverageRule> rules)
    {
        var via = rules.Where(r => r.ViaSubTechnique is not null).Select(r => r.ViaSubTechnique!).Distinct().OrderBy(v => v, StringComparer.Ordinal).ToArray();
        if (via.Length == 0)
        {
            return string.Empty;
        }

        var viaCount = rules.Count(r => r.ViaSubTechnique is not null);
        var prefix = viaCount == rules.Count ? " " : viaCount == 1 ? ", 1 of them " : $", {viaCount} of them ";
        return prefix + "via " + string.Join(", ", via);
    }

    private static string EnableHint(IEnumerable<CoverageRule> rules)
    {
        var byFamily = rules.GroupBy(r => r.Family).OrderBy(g => g.Key).ToArray();
        if (byFamily.Length == 1)
        {
            return LogSourceTables.Primary(byFamily[0].Key);
        }

        return string.Join(" or ", byFamily.Select(g => $"{LogSourceTables.Primary(g.Key)} ({Count(g.Count(), "rule")})"));
    }

    private static string Upgrade(IReadOnlyList<CoverageRule> rules, params EvidenceKind[] kinds)
    {
        var waiting = rules.Where(r => !r.IsSourceEnabled && kinds.Contains(r.Kind)).ToArray();
        if (waiting.Length == 0)
        {
            return string.Empty;
        }

        var noun = kinds.Length == 1 ? "direct-detection rule" : "stronger rule";
        return $"; enable {EnableHint(waiting)} for {Count(waiting.Length, noun)}";
    }
}
