using System.Buffers.Binary;
using Bitten.Zmq.Protocol;

namespace Bitten.Zmq.Transport;

internal sealed partial class ZmqPeer
{
    private static readonly byte[] GreetingBytes = Zmtp.Greeting.ToArray();

    /// <summary>Greeting both ways, then READY both ways (we send ours without waiting for theirs).</summary>
    private async Task<bool> HandshakeAsync(CancellationToken cancellationToken)
    {
        await SendAllAsync(GreetingBytes, cancellationToken);
        if (!await FillAsync(10, cancellationToken))
        {
            return Fail(ZmqDropReason.HandshakeIncomplete);
        }

        if (!Zmtp.IsSignature(_buffer.AsSpan(_pos, 10)))
        {
            return Fail(ZmqDropReason.BadGreeting);
        }

        if (!await FillAsync(Zmtp.GreetingLength, cancellationToken))
        {
            return Fail(ZmqDropReason.HandshakeIncomplete);
        }

        if (Zmtp.CheckGreeting(_buffer.AsSpan(_pos, Zmtp.GreetingLength), out var minor) is { } bad)
        {
            return Fail(bad);
        }

        PeerMinor = minor;
        _pos += Zmtp.GreetingLength;
        await SendAllAsync(_owner.ReadyFrame, cancellationToken);

        // the first frame must be a command: READY (or ERROR)
        int headerLength;
        ulong size;
        byte flags;
        while ((headerLength = TryReadHeader(out flags, out size)) == 0)
        {
            if (!await FillAsync(_end - _pos + 1, cancellationToken))
            {
                return Fail(ZmqDropReason.HandshakeIncomplete);
            }
        }

        if ((flags & (Zmtp.FlagCommand | Zmtp.ReservedFlags | Zmtp.FlagMore)) != Zmtp.FlagCommand || size > (ulong)(_buffer.Length - 9))
        {
            return Fail(ZmqDropReason.ProtocolError);
        }

        if (!await FillAsync(headerLength + (int)size, cancellationToken))
        {
            return Fail(ZmqDropReason.HandshakeIncomplete);
        }

        var body = _buffer.AsSpan(_pos + headerLength, (int)size);
        _pos += headerLength + (int)size;
        if (!Zmtp.TrySplitCommand(body, out var name, out var data))
        {
            return Fail(ZmqDropReason.ProtocolError);
        }

        if (name.SequenceEqual("ERROR"u8))
        {
            return Fail(ZmqDropReason.PeerError);
        }

        if (!name.SequenceEqual("READY"u8) || !Zmtp.TryReadProperties(data, out var socketType, out var identity))
        {
            return Fail(ZmqDropReason.ProtocolError);
        }

        if (!SocketTypes.AreCompatible(_owner.Type, socketType))
        {
            await SendAllAsync(Zmtp.Error("Invalid socket type"), cancellationToken);
            return Fail(ZmqDropReason.IncompatibleSocketType);
        }

        PeerIdentity = identity;
        return true;
    }

    private bool Fail(ZmqDropReason reason)
    {
        Close(reason);
        return false;
    }

    /// <summary>Parses a frame header at the read position: its length, or 0 when more octets are needed.</summary>
    private int TryReadHeader(out byte flags, out ulong size)
    {
        size = 0;
        flags = 0;
        var available = _end - _pos;
        if (available < 2)
        {
            return 0;
        }

        flags = _buffer[_pos];
        if ((flags & Zmtp.FlagLong) == 0)
        {
            size = _buffer[_pos + 1];
            return 2;
        }

        if (available < 9)
        {
            return 0;
        }

        size = BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_pos + 1));
        return 9;
    }

    /// <summary>Reads until at least <paramref name="minAvailable"/> octets lie after the read position; false at end of stream.</summary>
    // pooled: suspends on every socket read that has to wait, the hot path must not allocate a box each time
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(int minAvailable, CancellationToken cancellationToken)
    {
        EndInlineBatch(); // the inline receiver's burst ends before any wait for the network
        if (_pos == _end)
        {
            _pos = _end = 0;
        }
        else if (_buffer.Length - _pos < minAvailable || _buffer.Length - _end < 4096)
        {
            // keep room for a large read: moving the partial frame costs less than many small reads
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }

        while (_end - _pos < minAvailable)
        {
            var read = await _wire.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            _end += read;
            Volatile.Write(ref _lastReceived, Environment.TickCount64);
        }

        return true;
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _wire.SendAsync(data, cancellationToken);
            data = data[sent..];
        }

        Volatile.Write(ref _lastSent, Environment.TickCount64);
    }
}
