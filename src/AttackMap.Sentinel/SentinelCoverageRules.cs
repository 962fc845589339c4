using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Sentinel;

/// <summary>Turns imported Sentinel rules into coverage inputs (<see cref="MappingRule"/>s) that <see cref="AttackMap.Coverage.CoverageCalculator"/> counts.</summary>
/// <remarks>
/// An enabled rule reading one log family becomes one <see cref="EvidenceKind.DirectDetection"/> rule over that family.
/// A correlation-dependent rule (two or more families) becomes one <see cref="EvidenceKind.CorrelationContext"/> rule per
/// family, since it fires only when all of them are connected. Disabled rules, rules outside the five families, and
/// deprecated techniques are left out; unknown ids are passed through (upper-cased), so the coverage report lists them in
/// <see cref="AttackMap.Coverage.CoverageReport.UnresolvedMappings"/>. A technique ATT&amp;CK split
/// (<see cref="TechniqueStatus.Split"/>) gives no direct coverage to any one successor: it becomes a
/// <see cref="EvidenceKind.NeedsReview"/> rule (id suffix <c>:split</c>) over every one the rule does not tag itself. Ids are <c>sentinel:&lt;rule id&gt;</c>, with
/// <c>:&lt;family&gt;</c> appended for correlation-dependent rules. <see cref="MappingRule.References"/> holds the rule file
/// (<see cref="SentinelRule.SourceRelativePath"/>, else <see cref="SentinelRule.SourceFile"/>, the stream name as given) and, when known, its GitHub URL
/// (<see cref="SentinelRule.SourceUrl"/>); <see cref="MappingRule.Location"/> is that file and the place in it. The rationale
/// of a rule whose techniques came from its template (<see cref="SentinelRule.TechniquesTemplateFile"/>) names the template file.
/// </remarks>
public static class SentinelCoverageRules
{
    /// <summary>Returns the coverage inputs of the rules, in rule order.</summary>
    /// <param name="rules">The imported rules.</param>
    /// <returns>The mapping rules.</returns>
    public static IReadOnlyList<SentinelMappingRule> ToMappingRules(IEnumerable<SentinelRule> rules)
    {
        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var result = new List<SentinelMappingRule>();
        foreach (var rule in rules)
        {
            // Unknown ids pass through (upper-cased) so the coverage report lists them in UnresolvedMappings.
            var techniques = rule.Techniques
                .Where(t => t.Status is TechniqueStatus.Current or TechniqueStatus.Migrated or TechniqueStatus.Unknown)
                .Select(t => t.Id)
                .ToArray();
            var splits = rule.Techniques.Where(t => t.Status == TechniqueStatus.Split).ToArray();
            var candidates = splits.SelectMany(t => t.Candidates).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(c => !techniques.Contains(c, StringComparer.OrdinalIgnoreCase)).OrderBy(c => c, StringComparer.Ordinal).ToArray();
            if (!rule.Enabled || rule.Families.Count == 0 || (techniques.Length == 0 && candidates.Length == 0))
            {
                continue;
            }

            var tables = string.Join(", ", rule.Tables.Where(t => t.InQuery || t.InDataTypes).Select(t => t.Name));
            var correlated = rule.IsCorrelationDependent;
            foreach (var family in rule.Families)
            {
                var id = correlated ? $"sentinel:{rule.Id}:{family}" : $"sentinel:{rule.Id}";
                if (techniques.Length > 0)
                {
                    var rationale = correlated
                        ? $"Sentinel analytics rule '{rule.Name}' correlates {string.Join(" and ", rule.Families)} (tables {tables}); it fires only when all are connected."
                        : $"Sentinel analytics rule '{rule.Name}' detects it from {tables}.";
                    if (rule.TechniquesTemplateFile is { } template)
                    {
                        rationale += $" Techniques taken from its template ({template}).";
                    }
                    result.Add(Create(rule, id, family, techniques, correlated ? EvidenceKind.CorrelationContext : EvidenceKind.DirectDetection, rationale,
                        correlated ? "correlation-dependent Sentinel rule (reads several log families)" : null));
                }

                if (candidates.Length > 0)
                {
                    var split = string.Join("; ", splits.Select(t => t.Note));
                    result.Add(Create(
                        rule,
                        id + ":split",
                        family,
                        candidates,
                        EvidenceKind.NeedsReview,
                        $"Sentinel analytics rule '{rule.Name}' is tagged {string.Join(", ", splits.Select(t => t.Id))}, which ATT&CK split; review which successor it detects (tables {tables}).",
                        split));
                }
            }
        }

        return result;
    }

    private static SentinelMappingRule Create(SentinelRule rule, string id, LogFamily family, IReadOnlyList<string> techniques, EvidenceKind kind, string rationale, string? kindReason) =>
        new(rule, id, family, techniques, kind, rationale)
        {
            Tactics = rule.Tactics.SelectMany(SentinelTactics.ShortNames).Distinct(StringComparer.Ordinal).ToArray(),
            References = References(rule),
            Location = rule.SourceLocation is { } location ? $"{Source(rule)} {location}" : Source(rule),
            PackId = "sentinel",
            KindReason = kindReason,
            DisplayName = rule.Name,
        };

    /// <summary>The file the rule came from, relative to the imported folder when known (no machine path).</summary>
    private static string Source(SentinelRule rule) => rule.SourceRelativePath ?? rule.SourceFile;

    private static string[] References(SentinelRule rule) =>
        rule.SourceUrl is { } url ? new[] { Source(rule), url } : new[] { Source(rule) };
}
