namespace AttackMap.Sentinel;

/// <summary>
/// Gives a rule deployed from a gallery template, whose export lists no technique, the techniques of that template when
/// the template was imported with it (its <see cref="SentinelRule.Id"/> equals the rule's <see cref="SentinelRule.TemplateId"/>).
/// </summary>
internal static class TemplateTechniques
{
    /// <summary>Returns the rules, in the same order, with the template techniques filled in where they apply.</summary>
    /// <remarks>
    /// A template is a rule that was not itself deployed from one (no <see cref="SentinelRule.TemplateId"/>) and lists
    /// techniques; ids are compared as GUIDs (any case or format), else ordinally ignoring case. When several templates
    /// share an id, the first in import order is used, so the result does not depend on hash order.
    /// </remarks>
    public static IReadOnlyList<SentinelRule> Apply(IReadOnlyList<SentinelRule> rules)
    {
        if (!rules.Any(NeedsTemplate))
        {
            return rules;
        }

        var templates = new Dictionary<string, SentinelRule>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => string.IsNullOrWhiteSpace(r.TemplateId) && r.Techniques.Count > 0))
        {
            var key = Key(rule.Id);
            if (!templates.ContainsKey(key))
            {
                templates.Add(key, rule);
            }
        }

        return rules.Select(r => NeedsTemplate(r) && templates.TryGetValue(Key(r.TemplateId!), out var template) ? FromTemplate(r, template) : r).ToArray();
    }

    private static bool NeedsTemplate(SentinelRule rule) => rule.Techniques.Count == 0 && !string.IsNullOrWhiteSpace(rule.TemplateId);

    private static SentinelRule FromTemplate(SentinelRule rule, SentinelRule template)
    {
        var file = template.SourceRelativePath ?? template.SourceFile;
        var notes = rule.Notes.ToList();
        notes.Add($"techniques taken from template {template.Id} ('{template.Name}', {file}): the deployed rule lists none.");
        notes.AddRange(template.Techniques.Where(t => t.Note is not null).Select(t => t.Note!));
        return rule with { Techniques = template.Techniques, TechniquesTemplateFile = file, Notes = notes };
    }

    /// <summary>The id as compared: a GUID in one format, else upper-cased.</summary>
    internal static string Key(string id)
    {
        var trimmed = id.Trim();
        return Guid.TryParse(trimmed, out var guid) ? guid.ToString("D") : trimmed.ToUpperInvariant();
    }
}
