using AttackMap.Attack;
using AttackMap.Mapping;

namespace AttackMap.Coverage;

/// <summary>The rules indexed by the current technique they map to (revoked ids resolved, split ids unresolved), built once per calculation.</summary>
internal sealed class CoverageRuleIndex
{
    private static readonly IReadOnlyList<MappingRule> None = Array.Empty<MappingRule>();
    private readonly Dictionary<string, List<MappingRule>> _byTechnique = new(StringComparer.OrdinalIgnoreCase);

    public CoverageRuleIndex(AttackCatalog catalog, IEnumerable<MappingRule> rules)
    {
        var unresolved = new SortedSet<string>(StringComparer.Ordinal);
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            ruleIds.Add(rule.Id);
            foreach (var id in rule.Techniques)
            {
                // A technique MITRE split into several gives no coverage to any one of them (its revoked-by target is nominal).
                if (catalog.SplitOf(id) is { } split)
                {
                    unresolved.Add($"{rule.Id}: {id} (split in ATT&CK v{catalog.Version} into {string.Join(", ", split.SplitInto)}; map one of them)");
                    continue;
                }

                var technique = catalog.ResolveCurrent(id);
                if (technique is null)
                {
                    unresolved.Add($"{rule.Id}: {id}");
                    continue;
                }

                if (!_byTechnique.TryGetValue(technique.Id, out var list))
                {
                    _byTechnique[technique.Id] = list = new List<MappingRule>();
                }

                if (!list.Any(r => string.Equals(r.Id, rule.Id, StringComparison.Ordinal)))
                {
                    list.Add(rule);
                }
            }
        }

        RuleCount = ruleIds.Count;
        Unresolved = unresolved.ToArray();
    }

    public int RuleCount { get; }

    public IReadOnlyList<string> Unresolved { get; }

    public IReadOnlyList<MappingRule> GetRules(string techniqueId) =>
        _byTechnique.TryGetValue(techniqueId, out var list) ? list : None;
}
