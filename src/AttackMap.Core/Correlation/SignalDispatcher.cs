using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// Finds the rule steps a signal satisfies: one dictionary lookup by family and match key, then the conditions of the few
/// candidates. Immutable and thread-safe after construction.
/// </summary>
internal sealed class SignalDispatcher
{
    private readonly Dictionary<string, List<MatchTarget>>?[] _byKey;
    private readonly List<MatchTarget>?[] _other;

    public SignalDispatcher(IReadOnlyList<CompiledRule> rules)
    {
        // One slot per family value, with room for families added later.
        const int Slots = 16;
        _byKey = new Dictionary<string, List<MatchTarget>>?[Slots];
        _other = new List<MatchTarget>?[Slots];
        var shared = new Dictionary<string, CompiledMatch>(StringComparer.Ordinal);
        var slots = 0;
        foreach (var rule in rules)
        {
            for (var s = 0; s < rule.Rule.Steps.Count; s++)
            {
                foreach (var match in rule.Rule.Steps[s].Matches)
                {
                    var signature = CompiledMatch.Signature(match);
                    if (signature is null || !shared.TryGetValue(signature, out var compiled))
                    {
                        compiled = new CompiledMatch(match, slots++);
                        if (signature is not null)
                        {
                            shared[signature] = compiled;
                        }
                    }

                    Add(new MatchTarget(rule, s, match, compiled));
                }
            }
        }

        SlotCount = slots;
    }

    /// <summary>Gets the number of distinct compiled matches (memo slots).</summary>
    public int SlotCount { get; }

    public DispatchScratch CreateScratch() => new(SlotCount);

    /// <summary>Adds every target the signal satisfies to <paramref name="into"/>, ordered by rule and step.</summary>
    public void Collect(Signal signal, List<MatchTarget> into, DispatchScratch scratch)
    {
        var family = (int)signal.Family;
        if ((uint)family >= (uint)_byKey.Length)
        {
            return;
        }

        scratch.Current++;

        if (_byKey[family] is { } byKey && byKey.TryGetValue(signal.MatchKey, out var keyed))
        {
            AddMatching(signal, keyed, into, scratch);
        }

        if (_other[family] is { } other)
        {
            AddMatching(signal, other, into, scratch);
        }

        // Insertion sort: the list is tiny (usually 0 to 3 entries).
        for (var i = 1; i < into.Count; i++)
        {
            var item = into[i];
            var j = i - 1;
            while (j >= 0 && into[j].Order > item.Order)
            {
                into[j + 1] = into[j];
                j--;
            }

            into[j + 1] = item;
        }
    }

    private static void AddMatching(Signal signal, List<MatchTarget> candidates, List<MatchTarget> into, DispatchScratch scratch)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Compiled.Evaluate(signal, scratch))
            {
                into.Add(candidates[i]);
            }
        }
    }

    private void Add(MatchTarget target)
    {
        var family = (int)target.Match.Family;
        if ((uint)family >= (uint)_byKey.Length)
        {
            return;
        }

        if (target.Match.MatchField is null && target.Match.Keys.Count > 0)
        {
            var byKey = _byKey[family] ??= new Dictionary<string, List<MatchTarget>>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in target.Match.Keys)
            {
                if (!byKey.TryGetValue(key.Trim(), out var list))
                {
                    byKey[key.Trim()] = list = new List<MatchTarget>();
                }

                if (!list.Contains(target))
                {
                    list.Add(target);
                }
            }
        }
        else
        {
            (_other[family] ??= new List<MatchTarget>()).Add(target);
        }
    }
}
