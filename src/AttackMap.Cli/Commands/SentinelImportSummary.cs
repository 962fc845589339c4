using AttackMap.Sentinel;

namespace AttackMap.Cli.Commands;

/// <summary>
/// The stderr line of <c>coverage</c> after a Sentinel import: how many rules count toward coverage and why the others do
/// not, the unknown technique ids, and one warning per rule tagged with a technique that ATT&amp;CK split.
/// </summary>
internal static class SentinelImportSummary
{
    public static void Write(SentinelImportResult result, string path, TextWriter stderr)
    {
        var rules = result.Rules;
        var reasons = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var counted = 0;
        foreach (var rule in rules)
        {
            if (Reason(rule) is { } reason)
            {
                if (!reasons.TryGetValue(reason, out var names))
                {
                    reasons[reason] = names = new List<string>();
                }

                names.Add(rule.Name);
            }
            else
            {
                counted++;
            }
        }

        var parts = new List<string> { $"{counted} counted" };
        var notCounted = reasons.Values.Sum(v => v.Count);
        if (notCounted > 0)
        {
            parts.Add($"{notCounted} not counted ({string.Join("; ", reasons.Select(r => $"{r.Key}: {string.Join(", ", r.Value)}"))})");
        }

        var unknown = rules
            .SelectMany(r => r.Techniques.Where(t => t.Status == TechniqueStatus.Unknown).Select(t => $"{r.Name}: {t.Id}"))
            .ToArray();
        if (unknown.Length > 0)
        {
            parts.Add($"{unknown.Length} unknown technique{(unknown.Length == 1 ? string.Empty : "s")} ({string.Join(", ", unknown)}; listed in unresolvedMappings)");
        }

        var errors = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
        stderr.WriteLine($"attackmap coverage: imported {rules.Count} Sentinel analytics rules from {path}: {string.Join(", ", parts)} ({errors})");
        foreach (var rule in rules)
        {
            foreach (var split in rule.Techniques.Where(t => t.Status == TechniqueStatus.Split))
            {
                stderr.WriteLine($"  warning: {rule.Name}: {split.Note}");
            }
        }
    }

    /// <summary>Why a rule gives no coverage, or <see langword="null"/> when it counts.</summary>
    private static string? Reason(SentinelRule rule)
    {
        if (rule.Techniques.Count == 0)
        {
            return "no technique";
        }

        if (!rule.Enabled)
        {
            return "disabled";
        }

        if (rule.Families.Count == 0)
        {
            return "no Entra, Azure Activity or Defender log family";
        }

        return rule.Techniques.Any(t => t.Status is TechniqueStatus.Current or TechniqueStatus.Migrated or TechniqueStatus.Split)
            ? null
            : "only unknown or deprecated techniques";
    }
}
