using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace Bitten.Zmq;

/// <summary>
/// A multi-frame message backed by pooled memory. Received messages are owned by the caller, who
/// must <see cref="Dispose"/> them exactly once (that returns the memory to the pool; the frames'
/// spans are invalid afterwards). Build an outgoing message with <see cref="Create()"/> and
/// <see cref="Append(ReadOnlySpan{byte})"/>; sending copies it, so dispose it after sending.
/// Not thread-safe: one owner at a time.
/// </summary>
public sealed class ZmqMessage : IDisposable
{
    private const int PoolLimit = 4096;
    private const int RetainedBufferLimit = 128 * 1024;
    private static readonly ConcurrentQueue<ZmqMessage> Pool = new();
    private static int _pooled;

    private byte[] _buffer = [];
    private int _length;
    private (int Start, int Length)[] _frames = new (int, int)[4];
    private int _count;
    private bool _inPool;

    private ZmqMessage()
    {
    }

    /// <summary>The peer that delivered this message while it waits in the socket's queue (for the per-peer receive HWM).</summary>
    internal Transport.ZmqPeer? Source { get; set; }

    /// <summary>
    /// The connection that delivered this message (<see cref="ZmqPeerEvent.ConnectionId"/>); 0 for a message not received from
    /// a peer. On a ROUTER it tells a message of the current owner of a routing id from one of a connection it replaced.
    /// </summary>
    public long ConnectionId { get; internal set; }

    /// <summary>Number of frames.</summary>
    public int FrameCount => _count;

    /// <summary>Total octets over all frames.</summary>
    public int TotalBytes => _length;

    /// <summary>The frame at <paramref name="index"/>, valid until the message is disposed.</summary>
    public ReadOnlySpan<byte> this[int index] => GetFrameMemory(index).Span;

    /// <summary>Rents an empty message from the pool.</summary>
    public static ZmqMessage Create()
    {
        if (Pool.TryDequeue(out var message))
        {
            Interlocked.Decrement(ref _pooled);
            message._inPool = false;
            return message;
        }

        return new ZmqMessage();
    }

    /// <summary>A message of the given frames (UTF-8 for strings).</summary>
    public static ZmqMessage Create(params ReadOnlySpan<string> frames)
    {
        var message = Create();
        foreach (var frame in frames)
        {
            message.Append(frame);
        }

        return message;
    }

    /// <summary>The frame at <paramref name="index"/> as memory, valid until the message is disposed.</summary>
    public ReadOnlyMemory<byte> GetFrameMemory(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        var (start, length) = _frames[index];
        return _buffer.AsMemory(start, length);
    }

    /// <summary>The frame at <paramref name="index"/> decoded as UTF-8 (allocates).</summary>
    public string GetString(int index) => Encoding.UTF8.GetString(this[index]);

    /// <summary>Adds a frame (copied).</summary>
    public ZmqMessage Append(ReadOnlySpan<byte> frame)
    {
        frame.CopyTo(AppendUninitialized(frame.Length).Span);
        return this;
    }

    /// <summary>Adds a UTF-8 frame.</summary>
    public ZmqMessage Append(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var length = Encoding.UTF8.GetByteCount(frame);
        Encoding.UTF8.GetBytes(frame, AppendUninitialized(length).Span);
        return this;
    }

    /// <summary>Returns the message to the pool.</summary>
    public void Dispose()
    {
        if (_inPool)
        {
            return;
        }

        _inPool = true;
        Source = null;
        ConnectionId = 0;
        _count = 0;
        _length = 0;
        if (_buffer.Length > RetainedBufferLimit)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        if (Interlocked.Increment(ref _pooled) <= PoolLimit)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }
    }

    /// <summary>Empties the message for reuse by its owner (not returned to the pool).</summary>
    internal void Clear()
    {
        Source = null;
        ConnectionId = 0;
        _count = 0;
        _length = 0;
        if (_buffer.Length > RetainedBufferLimit)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>Reserves a frame of <paramref name="length"/> octets to be filled by the caller (reads straight into it).</summary>
    internal Memory<byte> AppendUninitialized(int length)
    {
        if (_length + length > _buffer.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_length + length, Math.Max(256, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(grown);
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
            }

            _buffer = grown;
        }

        if (_count == _frames.Length)
        {
            Array.Resize(ref _frames, _count * 2);
        }

        _frames[_count++] = (_length, length);
        var memory = _buffer.AsMemory(_length, length);
        _length += length;
        return memory;
    }
}
