namespace Bitten.Modules.Signals.Structure;

/// <summary>An ordered list with a fixed, preallocated capacity that drops its oldest item when full (no allocation after construction).</summary>
internal sealed class BoundedList<T>
    where T : struct
{
    private readonly T[] _items;

    public BoundedList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    public int Count { get; private set; }

    /// <summary>Items dropped because the list was full.</summary>
    public long Dropped { get; private set; }

    public ReadOnlySpan<T> Items => _items.AsSpan(0, Count);

    public ref T this[int index] => ref _items[index];

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            RemoveAt(0);
            Dropped++;
        }

        _items[Count++] = item;
    }

    public void RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        Array.Copy(_items, index + 1, _items, index, Count - index - 1);
        Count--;
        _items[Count] = default;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }
}
