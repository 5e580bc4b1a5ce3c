namespace Bitten.Zmq.Transport;

/// <summary>
/// Serves fixed octets as if a peer had sent them, at most <c>chunk</c> octets per read (so frames straddle reads as
/// they do on TCP), then the end of the stream. What the peer sends back is counted and discarded.
/// </summary>
internal sealed class BufferWire(ReadOnlyMemory<byte> input, int chunk) : IPeerWire
{
    private ReadOnlyMemory<byte> _rest = input;
    private int _closed;

    public long BytesSent { get; private set; }

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return ValueTask.FromException<int>(new ObjectDisposedException(nameof(BufferWire)));
        }

        var count = Math.Min(Math.Min(buffer.Length, Math.Max(1, chunk)), _rest.Length);
        _rest[..count].CopyTo(buffer);
        _rest = _rest[count..];
        return ValueTask.FromResult(count);
    }

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return ValueTask.FromException<int>(new ObjectDisposedException(nameof(BufferWire)));
        }

        BytesSent += data.Length;
        return ValueTask.FromResult(data.Length);
    }

    public void Close() => Volatile.Write(ref _closed, 1);
}
