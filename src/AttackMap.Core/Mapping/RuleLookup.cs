#if NET8_0_OR_GREATER
using System.Collections.Frozen;
#endif

namespace AttackMap.Mapping;

/// <summary>A case-insensitive, read-only map from one dispatch field's value to the rules keyed on it.</summary>
internal sealed class RuleLookup
{
#if NET8_0_OR_GREATER
    private readonly FrozenDictionary<string, CompiledRule[]> _map;
#else
    private readonly Dictionary<string, CompiledRule[]> _map;
#endif

    public RuleLookup(IEnumerable<KeyValuePair<string, CompiledRule[]>> entries)
    {
#if NET8_0_OR_GREATER
        _map = entries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
#else
        _map = new Dictionary<string, CompiledRule[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            _map[entry.Key] = entry.Value;
        }
#endif
    }

    public int Count => _map.Count;

    /// <summary>Finds the rules for a value; trailing blanks in the value are ignored.</summary>
    public CompiledRule[]? Find(string? value)
    {
        if (value is null || value.Length == 0 || _map.Count == 0)
        {
            return null;
        }

        // TrimEnd returns the same instance when there is nothing to trim, so the common case allocates nothing.
        return _map.TryGetValue(char.IsWhiteSpace(value[value.Length - 1]) ? value.TrimEnd() : value, out var rules) ? rules : null;
    }
}
