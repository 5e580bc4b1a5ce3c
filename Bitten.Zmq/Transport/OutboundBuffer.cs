using System.Buffers;
using System.Collections.Concurrent;
using Bitten.Zmq.Protocol;

namespace Bitten.Zmq.Transport;

/// <summary>
/// Wire-ready octets of one message (or one command), shared by every peer it is queued to
/// (a PUB encodes once for all subscribers). Reference-counted; returns to a pool at zero.
/// </summary>
internal sealed class OutboundBuffer
{
    private const int PoolLimit = 8192;
    private const int RetainedLimit = 64 * 1024;
    private static readonly ConcurrentQueue<OutboundBuffer> Pool = new();
    private static int _pooled;

    private byte[] _array = [];
    private int _refs;

    public int Length { get; private set; }

    /// <summary>True for application messages (counted against the send HWM); false for commands.</summary>
    public bool IsData { get; private set; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    public static OutboundBuffer Rent(int length, bool isData)
    {
        if (!Pool.TryDequeue(out var buffer))
        {
            buffer = new OutboundBuffer();
        }
        else
        {
            Interlocked.Decrement(ref _pooled);
        }

        if (buffer._array.Length < length)
        {
            if (buffer._array.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer._array);
            }

            buffer._array = ArrayPool<byte>.Shared.Rent(Math.Max(length, 256));
        }

        buffer.Length = length;
        buffer.IsData = isData;
        buffer._refs = 1;
        return buffer;
    }

    public static OutboundBuffer Command(byte[] frame)
    {
        var buffer = Rent(frame.Length, isData: false);
        frame.CopyTo(buffer._array, 0);
        return buffer;
    }

    /// <summary>Encodes frames [skip..] of <paramref name="message"/>.</summary>
    public static OutboundBuffer Encode(ZmqMessage message, int skip)
    {
        var total = 0L;
        for (var i = skip; i < message.FrameCount; i++)
        {
            total += Zmtp.HeaderLength(message[i].Length) + message[i].Length;
        }

        var buffer = Rent(checked((int)total), isData: true);
        var span = buffer._array.AsSpan();
        var offset = 0;
        for (var i = skip; i < message.FrameCount; i++)
        {
            var frame = message[i];
            offset += Zmtp.WriteHeader(span[offset..], frame.Length, more: i < message.FrameCount - 1, command: false);
            frame.CopyTo(span[offset..]);
            offset += frame.Length;
        }

        return buffer;
    }

    public static OutboundBuffer Encode(ReadOnlySpan<byte> frame1, ReadOnlySpan<byte> frame2, int frames)
    {
        var total = Zmtp.HeaderLength(frame1.Length) + frame1.Length + (frames == 2 ? Zmtp.HeaderLength(frame2.Length) + frame2.Length : 0);
        var buffer = Rent(total, isData: true);
        var span = buffer._array.AsSpan();
        var offset = Zmtp.WriteHeader(span, frame1.Length, more: frames == 2, command: false);
        frame1.CopyTo(span[offset..]);
        offset += frame1.Length;
        if (frames == 2)
        {
            offset += Zmtp.WriteHeader(span[offset..], frame2.Length, more: false, command: false);
            frame2.CopyTo(span[offset..]);
        }

        return buffer;
    }

    public void AddRef() => Interlocked.Increment(ref _refs);

    public void Release()
    {
        if (Interlocked.Decrement(ref _refs) != 0)
        {
            return;
        }

        if (_array.Length > RetainedLimit)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = [];
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
}
