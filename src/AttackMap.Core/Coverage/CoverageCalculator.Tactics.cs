using AttackMap.Attack;
using AttackMap.Mapping;

namespace AttackMap.Coverage;

/// <content>Which tactics a technique has and which of them a rule supports.</content>
public sealed partial class CoverageCalculator
{
    /// <summary>The technique's tactics the rule supports: the rule's own tactics when it names some of them, else all.</summary>
    private static IReadOnlyList<string> ClaimedTactics(AttackCatalog catalog, MappingRule rule, string[] all)
    {
        if (rule.Tactics.Count == 0)
        {
            return all;
        }

        var claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in rule.Tactics)
        {
            if (catalog.TryGetTactic(name, out var tactic))
            {
                claimed.Add(tactic.ShortName);
            }
        }

        var matching = all.Where(claimed.Contains).ToArray();
        return matching.Length > 0 ? matching : all;
    }

    private static IReadOnlyList<Tactic> TacticsOf(AttackCatalog catalog, Technique technique)
    {
        var result = new List<Tactic>(technique.Tactics.Count);
        foreach (var name in technique.Tactics)
        {
            if (catalog.TryGetTactic(name, out var tactic) && !result.Contains(tactic))
            {
                result.Add(tactic);
            }
        }

        result.Sort((a, b) => a.Order.CompareTo(b.Order));
        return result;
    }
}
