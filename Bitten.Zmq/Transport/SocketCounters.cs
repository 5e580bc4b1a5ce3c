namespace Bitten.Zmq.Transport;

/// <summary>Lock-free counters behind <see cref="ZmqMetricsSnapshot"/> and the exported metrics.</summary>
internal sealed class SocketCounters
{
    private readonly long[] _drops = new long[Enum.GetValues<ZmqDropReason>().Length];
    private long _messagesReceived;
    private long _bytesReceived;
    private long _messagesSent;
    private long _bytesSent;
    private long _accepted;
    private long _pongs;

    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    public long MessagesSent => Volatile.Read(ref _messagesSent);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    public long ConnectionsAccepted => Volatile.Read(ref _accepted);

    public void Received(int bytes)
    {
        Interlocked.Increment(ref _messagesReceived);
        Interlocked.Add(ref _bytesReceived, bytes);
    }

    /// <summary><see cref="Received"/> for a caller that holds the socket's receiver gate (every writer does): no locked increments.</summary>
    public void ReceivedExclusive(int bytes)
    {
        Volatile.Write(ref _messagesReceived, _messagesReceived + 1);
        Volatile.Write(ref _bytesReceived, _bytesReceived + bytes);
    }

    public void Sent(int bytes)
    {
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Add(ref _bytesSent, bytes);
    }

    public long PongsReceived => Volatile.Read(ref _pongs);

    public void Pong() => Interlocked.Increment(ref _pongs);

    public void Accepted() => Interlocked.Increment(ref _accepted);

    public void Drop(ZmqDropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);

    public long Drops(ZmqDropReason reason) => Volatile.Read(ref _drops[(int)reason]);

    public Dictionary<ZmqDropReason, long> DropsByReason()
    {
        var result = new Dictionary<ZmqDropReason, long>();
        foreach (var reason in Enum.GetValues<ZmqDropReason>())
        {
            var count = Drops(reason);
            if (count > 0)
            {
                result[reason] = count;
            }
        }

        return result;
    }
}
