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
        foreach (var rule in rules)
        {
            for (var s = 0; s < rule.Rule.Steps.Count; s++)
            {
                foreach (var match in rule.Rule.Steps[s].Matches)
                {
                    Add(new MatchTarget(rule, s, match));
                }
            }
        }
    }

    /// <summary>Adds every target the signal satisfies to <paramref name="into"/>, ordered by rule and step.</summary>
    public void Collect(Signal signal, List<MatchTarget> into)
    {
        var family = (int)signal.Family;
        if ((uint)family >= (uint)_byKey.Length)
        {
            return;
        }

        if (_byKey[family] is { } byKey && byKey.TryGetValue(signal.MatchKey, out var keyed))
        {
            AddMatching(signal, keyed, into);
        }

        if (_other[family] is { } other)
        {
            AddMatching(signal, other, into);
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

    private static void AddMatching(Signal signal, List<MatchTarget> candidates, List<MatchTarget> into)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Matches(candidates[i].Match, signal))
            {
                into.Add(candidates[i]);
            }
        }
    }

    private static bool Matches(SignalMatch match, Signal signal)
    {
        if (match.Sources.Count > 0 && !ContainsSource(match.Sources, signal.Source))
        {
            return false;
        }

        if (match.MatchField is not null && match.Keys.Count > 0)
        {
            var value = signal.GetFieldValue(match.MatchField);
            if (value is null || !ContainsKey(match.Keys, value))
            {
                return false;
            }
        }

        var conditions = match.Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            if (!conditions[i].IsSatisfiedBy(signal))
            {
                return false;
            }
        }

        return match.Predicate is null || match.Predicate(signal);
    }

    private static bool ContainsSource(IReadOnlyList<SignalSource> sources, SignalSource source)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] == source)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsKey(IReadOnlyList<string> keys, string value)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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
