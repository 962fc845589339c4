using System.Globalization;
using System.Text;
using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>Renders a rule pack as a Markdown review table (docs/mapping-table.md): id, family, keys, techniques, kind, rationale.</summary>
internal static class MappingTableWriter
{
    private static readonly EvidenceKind[] Kinds = { EvidenceKind.DirectDetection, EvidenceKind.CorrelationContext, EvidenceKind.Precondition, EvidenceKind.NeedsReview };

    public static string Write(RulePack pack)
    {
        var text = new StringBuilder();
        text.Append("# Built-in mapping table\n\n");
        text.Append("<!-- Generated from src/AttackMap.Core/Mapping/BuiltIn/azure-builtin.json by MappingTableWriter. Do not edit by hand; ");
        text.Append("regenerate with: ATTACKMAP_UPDATE_DOCS=1 dotnet test --filter MappingTableWriterTests -->\n\n");
        text.Append(Invariant($"Pack `{pack.Id}` version {pack.Version}, ATT&CK v{pack.AttackVersion}, {pack.Rules.Count} rules. "));
        text.Append("Kinds: DirectDetection = the signal observes the technique; CorrelationContext = a step that is also routine administration; ");
        text.Append("Precondition = posture that makes the technique possible; NeedsReview = an analyst decides.\n\n");

        text.Append("| Family | ").Append(string.Join(" | ", Kinds)).Append(" | Total |\n|---|").Append(string.Concat(Kinds.Select(_ => "---:|"))).Append("---:|\n");
        var families = new[] { LogFamily.DefenderForCloud, LogFamily.EntraSignIn, LogFamily.EntraRiskDetection, LogFamily.EntraAudit, LogFamily.AzureActivity };
        foreach (var family in families)
        {
            var rules = pack.Rules.Where(r => r.Family == family).ToArray();
            text.Append("| ").Append(family).Append(" | ")
                .Append(string.Join(" | ", Kinds.Select(k => rules.Count(r => r.Kind == k).ToString(CultureInfo.InvariantCulture))))
                .Append(" | ").Append(rules.Length.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        foreach (var family in families)
        {
            text.Append("\n## ").Append(family).Append("\n\n| Rule | Key(s) | Techniques | Kind | Rationale |\n|---|---|---|---|---|\n");
            foreach (var rule in pack.Rules.Where(r => r.Family == family).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                text.Append("| `").Append(rule.Id).Append("` | ").Append(Keys(rule)).Append(" | ")
                    .Append(string.Join(", ", rule.Techniques.Select(Link))).Append(" | ").Append(rule.Kind).Append(" | ")
                    .Append(Cell(rule.Rationale));
                if (!string.IsNullOrWhiteSpace(rule.KindReason))
                {
                    text.Append(" *Kind: ").Append(Cell(rule.KindReason!)).Append('*');
                }

                text.Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Keys(MappingRule rule)
    {
        var field = RuleFields.Canonical(rule.Family, rule.MatchField) ?? rule.MatchField;
        var keys = rule.Keys.Count == 0 ? "(every signal)" : string.Join(", ", rule.Keys.Select(Key));
        var text = field == RuleFields.GetPrimaryField(rule.Family) ? keys : field + ": " + keys;
        if (rule.Conditions.Count > 0)
        {
            text += "<br>where " + string.Join(" and ", rule.Conditions.Select(c =>
                $"{c.Field} {c.Operator}" + (c.Values.Count == 0 ? string.Empty : " " + string.Join(" / ", c.Values.Select(v => "`" + Cell(v) + "`")))));
        }

        return text;
    }

    private static string Key(string key) =>
        "`" + Cell(key.TrimEnd()) + "`" + (key.Length > 0 && char.IsWhiteSpace(key[key.Length - 1]) ? " (with trailing space)" : string.Empty);

    private static string Link(string id) => $"[{id}](https://attack.mitre.org/techniques/{id.Replace('.', '/')}/)";

    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
