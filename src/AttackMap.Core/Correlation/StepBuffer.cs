namespace AttackMap.Correlation;

/// <summary>The records of one step of one key inside the window, oldest first, with distinct-value counts when needed.</summary>
internal sealed class StepBuffer
{
    private readonly Queue<StepEntry> _items = new();
    private readonly Dictionary<string, int>? _distinct;

    public StepBuffer(bool countDistinct)
    {
        _distinct = countDistinct ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
    }

    public int Count => _items.Count;

    public int DistinctCount => _distinct?.Count ?? 0;

    public Queue<StepEntry> Items => _items;

    /// <summary>Adds an entry; returns true when the oldest one had to be dropped to stay under <paramref name="capacity"/>.</summary>
    public bool Add(StepEntry entry, int capacity)
    {
        var trimmed = false;
        if (_items.Count >= capacity)
        {
            RemoveOldest();
            trimmed = true;
        }

        _items.Enqueue(entry);
        if (_distinct is not null && entry.DistinctValue is { } value)
        {
            _distinct[value] = _distinct.TryGetValue(value, out var n) ? n + 1 : 1;
        }

        return trimmed;
    }

    /// <summary>Drops entries older than <paramref name="minTicks"/>.</summary>
    public void EvictBefore(long minTicks)
    {
        while (_items.Count > 0 && _items.Peek().Ticks < minTicks)
        {
            RemoveOldest();
        }
    }

    public void Clear()
    {
        _items.Clear();
        _distinct?.Clear();
    }

    private void RemoveOldest()
    {
        var old = _items.Dequeue();
        if (_distinct is not null && old.DistinctValue is { } value && _distinct.TryGetValue(value, out var n))
        {
            if (n <= 1)
            {
                _distinct.Remove(value);
            }
            else
            {
                _distinct[value] = n - 1;
            }
        }
    }
}
