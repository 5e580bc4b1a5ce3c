namespace Bitten.Zmq.Transport;

/// <summary>
/// Counted prefix subscriptions (subscribing twice needs two cancels). Writers lock; readers see an
/// immutable snapshot, so matching on the send path takes no lock and allocates nothing.
/// </summary>
internal sealed class SubscriptionSet
{
    private readonly Lock _gate = new();
    private Entry[] _entries = [];

    public bool IsEmpty => Volatile.Read(ref _entries).Length == 0;

    public IReadOnlyList<byte[]> Topics => [.. Volatile.Read(ref _entries).Select(e => e.Prefix)];

    /// <summary>True when the topic was new (count went 0 → 1).</summary>
    public bool Add(ReadOnlySpan<byte> prefix)
    {
        lock (_gate)
        {
            var entries = _entries;
            for (var i = 0; i < entries.Length; i++)
            {
                if (entries[i].Prefix.AsSpan().SequenceEqual(prefix))
                {
                    var copy = (Entry[])entries.Clone();
                    copy[i] = copy[i] with { Count = copy[i].Count + 1 };
                    Volatile.Write(ref _entries, copy);
                    return false;
                }
            }

            Volatile.Write(ref _entries, [.. entries, new Entry(prefix.ToArray(), 1)]);
            return true;
        }
    }

    /// <summary>True when the topic went away (count went 1 → 0).</summary>
    public bool Remove(ReadOnlySpan<byte> prefix)
    {
        lock (_gate)
        {
            var entries = _entries;
            for (var i = 0; i < entries.Length; i++)
            {
                if (!entries[i].Prefix.AsSpan().SequenceEqual(prefix))
                {
                    continue;
                }

                if (entries[i].Count > 1)
                {
                    var copy = (Entry[])entries.Clone();
                    copy[i] = copy[i] with { Count = copy[i].Count - 1 };
                    Volatile.Write(ref _entries, copy);
                    return false;
                }

                Volatile.Write(ref _entries, [.. entries.Where((_, index) => index != i)]);
                return true;
            }

            return false;
        }
    }

    public bool Matches(ReadOnlySpan<byte> topic)
    {
        foreach (var entry in Volatile.Read(ref _entries))
        {
            if (topic.StartsWith(entry.Prefix))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Entry(byte[] Prefix, int Count);
}
