using AttackMap.Sentinel;

namespace AttackMap.Cli.Commands;

/// <summary>
/// What <c>coverage</c> writes to stderr after a Sentinel import: one line with how many rules count toward coverage,
/// then one line per reason the others do not, one naming the deployed rules that took their techniques from their
/// template (<see cref="SentinelRule.TechniquesTemplateFile"/>), one per unknown technique id and one warning per technique ATT&amp;CK split,
/// each naming the rule and its file so the engineer can fix it at the source. It says only what
/// <see cref="SentinelCoverageRules.ToMappingRules"/> does with each rule.
/// </summary>
internal static class SentinelImportSummary
{
    // The order the reasons are listed in: the most common first.
    private const string NoTechnique = "no technique";
    private const string Disabled = "disabled";
    private const string NoFamily = "reads no Entra ID, Azure Activity or Defender for Cloud table";
    private const string NoUsableTechnique = "only unknown or deprecated techniques (unknown ones are listed under unresolved mappings)";
    private const int MaxDuplicatesShown = 10;
    private static readonly string[] ReasonOrder = { NoTechnique, Disabled, NoFamily, NoUsableTechnique };

    /// <param name="result">The import.</param>
    /// <param name="path">The path given on the command line.</param>
    /// <param name="stderr">Where to write.</param>
    /// <param name="kept">The rules kept so far, this import's included: where a duplicate's id was first seen.</param>
    public static void Write(SentinelImportResult result, string path, TextWriter stderr, IReadOnlyList<SentinelRule>? kept = null)
    {
        var rules = result.Rules;
        var notCounted = ReasonOrder.ToDictionary(r => r, _ => new List<string>(), StringComparer.Ordinal);
        var reviewOnly = 0;
        foreach (var rule in rules)
        {
            if (WhyNotCounted(rule) is { } reason)
            {
                notCounted[reason].Add(Describe(rule));
            }
            else if (!rule.Techniques.Any(t => t.Status is TechniqueStatus.Current or TechniqueStatus.Migrated))
            {
                reviewOnly++;
            }
        }

        var skipped = notCounted.Values.Sum(v => v.Count);
        var counted = rules.Count - skipped;
        var tail = (rules.Count, skipped) switch
        {
            (0, _) => string.Empty,
            (1, 0) => ": it counts toward coverage",
            (_, 0) => $": all {rules.Count} count toward coverage",
            (1, _) => ": it does not count toward coverage",
            _ => $": {counted} {(counted == 1 ? "counts" : "count")} toward coverage, {skipped} {(skipped == 1 ? "does" : "do")} not",
        };
        if (reviewOnly > 0)
        {
            tail += $" ({reviewOnly} only as NeedsReview, through split techniques)";
        }

        var errors = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
        stderr.WriteLine($"attackmap coverage: imported {rules.Count} Sentinel analytics {(rules.Count == 1 ? "rule" : "rules")} from {path} ({errors}){tail}");
        foreach (var reason in ReasonOrder)
        {
            if (notCounted[reason].Count > 0)
            {
                stderr.WriteLine($"  not counted, {reason}: {string.Join("; ", notCounted[reason])}");
            }
        }

        var fromTemplate = rules.Where(r => r.TechniquesTemplateFile is not null).Select(r => $"{Describe(r)} <- {r.TechniquesTemplateFile}").ToArray();
        if (fromTemplate.Length > 0)
        {
            stderr.WriteLine($"  techniques from template: {string.Join("; ", fromTemplate)}");
        }

        if (result.SkippedFiles.Count > 0)
        {
            var shown = string.Join(", ", result.SkippedFiles.Take(MaxDuplicatesShown));
            var more = result.SkippedFiles.Count > MaxDuplicatesShown ? $", and {result.SkippedFiles.Count - MaxDuplicatesShown} more" : string.Empty;
            stderr.WriteLine($"  skipped {result.SkippedFiles.Count} JSON {(result.SkippedFiles.Count == 1 ? "file" : "files")} with no analytics rule (workbooks, playbooks, ...): {shown}{more}");
        }

        if (result.Duplicates.Count > 0)
        {
            // Same id as an earlier rule (an Azure-Sentinel checkout holds most rules twice): counted once, at its first place.
            var first = new Dictionary<string, SentinelRule>(StringComparer.Ordinal);
            foreach (var rule in kept ?? rules)
            {
                if (SentinelRuleImporter.DuplicateKey(rule) is { } key && !first.ContainsKey(key))
                {
                    first[key] = rule;
                }
            }

            var shown = result.Duplicates.Take(MaxDuplicatesShown)
                .Select(d => $"{Describe(d)} = {Place(first.TryGetValue(SentinelRuleImporter.DuplicateKey(d)!, out var f) ? f : null)}");
            var more = result.Duplicates.Count > MaxDuplicatesShown ? $"; and {result.Duplicates.Count - MaxDuplicatesShown} more" : string.Empty;
            stderr.WriteLine($"  same id as an earlier rule, counted once ({result.Duplicates.Count}): {string.Join("; ", shown)}{more}");
        }

        foreach (var rule in rules)
        {
            // Disabled rules and rules outside the five families give no coverage input at all, so their techniques
            // are reported as facts only, without promising a place in the report.
            var mapped = WhyNotCounted(rule) is null or NoUsableTechnique;
            foreach (var technique in rule.Techniques)
            {
                if (technique.Status == TechniqueStatus.Unknown)
                {
                    var where = mapped ? ": listed under unresolved mappings in the JSON and Markdown reports" : string.Empty;
                    stderr.WriteLine($"  unknown technique {technique.Id} in {Describe(rule)}{where}");
                }
                else if (technique.Status == TechniqueStatus.Split)
                {
                    var counts = mapped ? " Counted as NeedsReview on each successor until then." : string.Empty;
                    stderr.WriteLine($"  warning: {Describe(rule)}: {technique.Note}{counts}");
                }
            }
        }
    }

    /// <summary>Why a rule gives no coverage, or <see langword="null"/> when it counts (mirrors <see cref="SentinelCoverageRules.ToMappingRules"/>).</summary>
    private static string? WhyNotCounted(SentinelRule rule)
    {
        if (rule.Techniques.Count == 0)
        {
            return NoTechnique;
        }

        if (!rule.Enabled)
        {
            return Disabled;
        }

        if (rule.Families.Count == 0)
        {
            return NoFamily;
        }

        return rule.Techniques.Any(t => t.Status is TechniqueStatus.Current or TechniqueStatus.Migrated or TechniqueStatus.Split)
            ? null
            : NoUsableTechnique;
    }

    private static string Place(SentinelRule? rule) => rule is null ? "?" : $"({rule.SourceRelativePath ?? Path.GetFileName(rule.SourceFile)})";

    /// <summary>The rule's name and the file it came from (relative to the imported folder, so no machine path).</summary>
    private static string Describe(SentinelRule rule) =>
        $"'{rule.Name}' ({rule.SourceRelativePath ?? Path.GetFileName(rule.SourceFile)})";
}
