namespace AttackMap.Correlation;

/// <summary>The live keys of one rule in one session, with an LRU list ordered by last event time for eager eviction.</summary>
internal sealed class RuleState
{
    private readonly Dictionary<string, KeyState> _keys = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyState> _lru = new();

    public RuleState(CompiledRule rule)
    {
        Rule = rule;
    }

    public CompiledRule Rule { get; }

    public int Count => _keys.Count;

    public bool TryGet(string key, out KeyState? state) => _keys.TryGetValue(key, out state);

    /// <summary>Gets or creates the key's state and moves it to the recent end of the LRU list.</summary>
    public KeyState Touch(string key, long ticks, out bool created)
    {
        created = !_keys.TryGetValue(key, out var state);
        if (state is null)
        {
            state = new KeyState(Rule, key);
            _keys.Add(key, state);
        }
        else
        {
            _lru.Remove(state.Node);
        }

        state.LastTicks = ticks;
        _lru.AddLast(state.Node);
        return state!;
    }

    /// <summary>Removes keys whose newest record left the window before <paramref name="ticks"/>; returns how many.</summary>
    public int Evict(long ticks)
    {
        var removed = 0;
        var horizon = ticks - Rule.WindowTicks;
        while (_lru.First is { } node && node.Value.LastTicks < horizon && node.Value.Episode is null)
        {
            _lru.RemoveFirst();
            _keys.Remove(node.Value.Key);
            removed++;
        }

        return removed;
    }

    public void Clear()
    {
        _keys.Clear();
        _lru.Clear();
    }
}
