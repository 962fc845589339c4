using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// A <see cref="SignalMatch"/> ready to evaluate; structurally equal matches of different rules share one instance, so a
/// signal is tested once per distinct match (the result is memoized per signal in a <see cref="DispatchScratch"/>).
/// </summary>
internal sealed class CompiledMatch
{
    private readonly CompiledCondition[] _conditions;
    private readonly Func<Signal, string?>? _matchField;

    public CompiledMatch(SignalMatch match, int slot)
    {
        Match = match;
        Slot = slot;
        _conditions = match.Conditions.Select(c => new CompiledCondition(c, match.Family)).ToArray();
        _matchField = match.MatchField is null || match.Keys.Count == 0 ? null : FieldAccessors.For(match.Family, match.MatchField);
    }

    public SignalMatch Match { get; }

    /// <summary>Gets the memo slot of this match.</summary>
    public int Slot { get; }

    /// <summary>Builds the structural identity used to share instances (null for matches with a predicate, which are never shared).</summary>
    public static string? Signature(SignalMatch match) =>
        match.Predicate is not null
            ? null
            : string.Join("|", match.Family, match.MatchField, string.Join(",", match.Keys).ToLowerInvariant(), string.Join(",", match.Sources), string.Join(";", match.Conditions));

    public bool Evaluate(Signal signal, DispatchScratch scratch)
    {
        if (scratch.Stamps[Slot] == scratch.Current)
        {
            return scratch.Results[Slot];
        }

        var result = EvaluateCore(signal);
        scratch.Stamps[Slot] = scratch.Current;
        scratch.Results[Slot] = result;
        return result;
    }

    private bool EvaluateCore(Signal signal)
    {
        var sources = Match.Sources;
        if (sources.Count > 0)
        {
            var source = signal.Source;
            var found = false;
            for (var i = 0; i < sources.Count && !found; i++)
            {
                found = sources[i] == source;
            }

            if (!found)
            {
                return false;
            }
        }

        if (_matchField is not null && !ContainsKey(Match.Keys, _matchField(signal)))
        {
            return false;
        }

        foreach (var condition in _conditions)
        {
            if (!condition.IsSatisfiedBy(signal))
            {
                return false;
            }
        }

        return Match.Predicate is null || Match.Predicate(signal);
    }

    private static bool ContainsKey(IReadOnlyList<string> keys, string? value)
    {
        if (value is null)
        {
            return false;
        }

        value = value.Trim();
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
