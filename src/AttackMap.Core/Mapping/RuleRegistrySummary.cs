using System.Globalization;
using System.Text;
using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>Formats the plain-text summary of a <see cref="RuleRegistry"/>: rule counts per family and evidence kind.</summary>
internal static class RuleRegistrySummary
{
    public static string Describe(RuleRegistry registry)
    {
        var rules = registry.Rules;
        var kinds = new[] { EvidenceKind.DirectDetection, EvidenceKind.CorrelationContext, EvidenceKind.Precondition, EvidenceKind.NeedsReview };
        var techniques = rules.SelectMany(r => r.Techniques).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var text = new StringBuilder();
        text.Append(string.Format(CultureInfo.InvariantCulture, "{0} rules, ATT&CK v{1}, {2} techniques", rules.Count, registry.Catalog.Version, techniques)).AppendLine();
        text.Append("family".PadRight(20));
        foreach (var kind in kinds)
        {
            text.Append(kind.ToString().PadLeft(20));
        }

        text.Append("total".PadLeft(8)).AppendLine();
        for (var f = 0; f < RuleFields.FamilyCount; f++)
        {
            var family = (LogFamily)f;
            var ofFamily = registry.GetRules(family);
            text.Append(family.ToString().PadRight(20));
            foreach (var kind in kinds)
            {
                text.Append(ofFamily.Count(r => r.Kind == kind).ToString(CultureInfo.InvariantCulture).PadLeft(20));
            }

            text.Append(ofFamily.Count.ToString(CultureInfo.InvariantCulture).PadLeft(8)).AppendLine();
        }

        return text.ToString();
    }
}
