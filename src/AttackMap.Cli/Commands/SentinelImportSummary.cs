using AttackMap.Sentinel;

namespace AttackMap.Cli.Commands;

/// <summary>
/// What <c>coverage</c> writes to stderr after a Sentinel import: one line with how many rules count toward coverage,
/// then one line per reason the others do not, one per unknown technique id and one warning per technique ATT&amp;CK split,
/// each naming the rule and its file so the engineer can fix it at the source.
/// </summary>
internal static class SentinelImportSummary
{
    public static void Write(SentinelImportResult result, string path, TextWriter stderr)
    {
        var rules = result.Rules;
        var notCounted = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (WhyNotCounted(rule) is { } reason)
            {
                if (!notCounted.TryGetValue(reason, out var names))
                {
                    notCounted[reason] = names = new List<string>();
                }

                names.Add(Describe(rule));
            }
        }

        var skipped = notCounted.Values.Sum(v => v.Count);
        var errors = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
        var ruleWord = rules.Count == 1 ? "rule" : "rules";
        var tail = (rules.Count, skipped) switch
        {
            (0, _) => string.Empty,
            (1, 0) => ": it counts toward coverage",
            (_, 0) => $": all {rules.Count} count toward coverage",
            (1, _) => ": it does not count toward coverage",
            _ => $": {rules.Count - skipped} count toward coverage, {skipped} do not",
        };
        stderr.WriteLine($"attackmap coverage: imported {rules.Count} Sentinel analytics {ruleWord} from {path} ({errors}){tail}");
        foreach (var (reason, names) in notCounted)
        {
            stderr.WriteLine($"  not counted, {reason}: {string.Join("; ", names)}");
        }

        foreach (var rule in rules)
        {
            foreach (var technique in rule.Techniques)
            {
                if (technique.Status == TechniqueStatus.Unknown)
                {
                    stderr.WriteLine($"  unknown technique {technique.OriginalId} in {Describe(rule)}: kept as written and listed under unresolved mappings in the report");
                }
                else if (technique.Status == TechniqueStatus.Split)
                {
                    stderr.WriteLine($"  warning: {Describe(rule)}: {technique.Note}");
                }
            }
        }
    }

    /// <summary>Why a rule gives no coverage, or <see langword="null"/> when it counts.</summary>
    private static string? WhyNotCounted(SentinelRule rule)
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
            return "reads no Entra ID, Azure Activity or Defender for Cloud table";
        }

        return rule.Techniques.Any(t => t.Status is TechniqueStatus.Current or TechniqueStatus.Migrated or TechniqueStatus.Split)
            ? null
            : "only unknown or deprecated techniques";
    }

    /// <summary>The rule's name and the file it came from (relative to the imported folder, so no machine path).</summary>
    private static string Describe(SentinelRule rule) =>
        $"'{rule.Name}' ({rule.SourceRelativePath ?? Path.GetFileName(rule.SourceFile)})";
}
