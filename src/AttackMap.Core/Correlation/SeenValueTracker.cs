using AttackMap.Signals;

namespace AttackMap.Correlation;

/// <summary>
/// Remembers, per key, the values of a step's <see cref="CorrelationStep.NewValueOf"/> fields, so a signal can be told
/// "first seen". Bounded: at most <c>maxValues</c> per field and key, and keys idle longer than the history are forgotten.
/// </summary>
internal sealed class SeenValueTracker
{
    private readonly IReadOnlyList<string> _fields;
    private readonly int _maxValues;
    private readonly long _historyTicks;
    private readonly Dictionary<string, LinkedListNode<History>> _keys = new(StringComparer.Ordinal);
    private readonly LinkedList<History> _lru = new();

    public SeenValueTracker(IReadOnlyList<string> fields, int maxValues, TimeSpan history)
    {
        _fields = fields;
        _maxValues = maxValues;
        _historyTicks = history.Ticks;
    }

    public int Count => _keys.Count;

    /// <summary>Records the signal's values; returns true when the key had a history and one value is new to it.</summary>
    public bool Observe(string key, Signal signal, long ticks)
    {
        var known = _keys.TryGetValue(key, out var node);
        if (node is null)
        {
            node = new LinkedListNode<History>(new History(key, _fields.Count));
            _keys.Add(key, node);
        }
        else
        {
            _lru.Remove(node);
        }

        node.Value.LastTicks = ticks;
        _lru.AddLast(node);
        var isNew = false;
        for (var f = 0; f < _fields.Count; f++)
        {
            var value = CorrelationKeys.GetField(signal, _fields[f]);
            if (value is null)
            {
                continue;
            }

            var seen = node.Value.Values[f];
            if (!seen.Contains(value))
            {
                isNew = true;
                if (seen.Count >= _maxValues)
                {
                    seen.RemoveAt(0);
                }

                seen.Add(value);
            }
        }

        return known && isNew;
    }

    /// <summary>Forgets keys idle for longer than the history.</summary>
    public void Evict(long ticks)
    {
        while (_lru.First is { } node && node.Value.LastTicks < ticks - _historyTicks)
        {
            _lru.RemoveFirst();
            _keys.Remove(node.Value.Key);
        }
    }

    private sealed class History
    {
        public History(string key, int fields)
        {
            Key = key;
            Values = new List<string>[fields];
            for (var i = 0; i < fields; i++)
            {
                Values[i] = new List<string>(2);
            }
        }

        public string Key { get; }

        public List<string>[] Values { get; }

        public long LastTicks { get; set; }
    }
}
