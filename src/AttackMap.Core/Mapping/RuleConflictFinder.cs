using AttackMap.Signals;

namespace AttackMap.Mapping;

/// <summary>Finds rules that map the same family, field and key to different techniques with nothing to tell them apart.</summary>
internal static class RuleConflictFinder
{
    public static IEnumerable<RuleProblem> Find(List<CompiledRule> compiled)
    {
        var byKey = new Dictionary<(LogFamily, int, string), List<CompiledRule>>(new KeyComparer());
        foreach (var rule in compiled.Where(r => !r.HasDiscriminator))
        {
            foreach (var key in rule.Keys)
            {
                var k = (rule.Rule.Family, rule.FieldIndex, key);
                if (!byKey.TryGetValue(k, out var list))
                {
                    byKey[k] = list = new List<CompiledRule>();
                }

                list.Add(rule);
            }
        }

        foreach (var pair in byKey.OrderBy(p => p.Key.Item3, StringComparer.Ordinal))
        {
            var sets = pair.Value.Select(r => string.Join(",", r.Techniques.Select(t => t.Id).OrderBy(id => id, StringComparer.Ordinal)))
                .Distinct(StringComparer.Ordinal).Count();
            if (sets > 1)
            {
                var ordered = pair.Value.OrderBy(r => r.Rule.Id, StringComparer.Ordinal).ToArray();
                var field = RuleFields.GetFields(pair.Key.Item1)[pair.Key.Item2];
                yield return new RuleProblem(RuleProblemCode.ConflictingRules, ordered[0].Rule.Id, ordered[0].Rule.Location,
                    $"{pair.Key.Item1} {field} '{pair.Key.Item3}' is mapped to different techniques by {string.Join(", ", ordered.Select(r => $"'{r.Rule.Id}' ({string.Join(", ", r.Rule.Techniques)})"))} with no condition to tell them apart.",
                    RuleProblemSeverity.Warning);
            }
        }
    }

    private sealed class KeyComparer : IEqualityComparer<(LogFamily, int, string)>
    {
        public bool Equals((LogFamily, int, string) x, (LogFamily, int, string) y) =>
            x.Item1 == y.Item1 && x.Item2 == y.Item2 && StringComparer.OrdinalIgnoreCase.Equals(x.Item3, y.Item3);

        public int GetHashCode((LogFamily, int, string) obj) =>
            ((int)obj.Item1 * 31 + obj.Item2) * 397 ^ StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item3);
    }
}
