namespace AttackMap.Correlation;

/// <summary>A binary min-heap (netstandard2.0 has no <c>PriorityQueue</c>).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class MinHeap<T>
{
    private readonly IComparer<T> _comparer;
    private T[] _items = new T[16];

    public MinHeap(IComparer<T> comparer)
    {
        _comparer = comparer;
    }

    public int Count { get; private set; }

    public T Peek() => Count > 0 ? _items[0] : throw new InvalidOperationException("The heap is empty.");

    public void Push(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_comparer.Compare(item, _items[parent]) >= 0)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = item;
    }

    public T Pop()
    {
        var top = Peek();
        var last = _items[--Count];
        _items[Count] = default!;
        if (Count > 0)
        {
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && _comparer.Compare(_items[child + 1], _items[child]) < 0)
                {
                    child++;
                }

                if (_comparer.Compare(last, _items[child]) <= 0)
                {
                    break;
                }

                _items[i] = _items[child];
                i = child;
            }

            _items[i] = last;
        }

        return top;
    }
}
