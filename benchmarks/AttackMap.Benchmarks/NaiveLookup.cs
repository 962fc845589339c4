using AttackMap.Mapping;
using AttackMap.Signals;

namespace AttackMap.Benchmarks;

/// <summary>
/// What a hand-written script does instead of the library: one case-insensitive dictionary per family from the match key
/// (operation name, activity, result code, risk type, alert type) to technique ids, built from the same built-in rules.
/// No conditions, no evidence kinds, no rationale: strictly less work than the library does.
/// </summary>
internal sealed class NaiveLookup
{
    private readonly Dictionary<string, string[]>[] _byFamily;

    public NaiveLookup(RuleRegistry registry)
    {
        _byFamily = Enum.GetValues<LogFamily>().Select(f => registry.GetRules(f)
                .Where(r => r.MatchField is null)
                .SelectMany(r => r.Keys.Select(k => (Key: k.Trim(), r.Techniques)))
                .GroupBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Techniques).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase))
            .ToArray();
    }

    /// <summary>Returns how many techniques the key maps to (0 when unknown).</summary>
    public int Lookup(LogFamily family, string? key) =>
        key is not null && _byFamily[(int)family].TryGetValue(key, out var techniques) ? techniques.Length : 0;
}
