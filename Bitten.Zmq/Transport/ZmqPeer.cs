using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Bitten.Zmq.Transport;

/// <summary>
/// One TCP connection of a <see cref="ZmqSocket"/>: handshake, a read loop (the only reader of the
/// TCP socket) and a write loop (the only writer), each on its own task.
/// </summary>
internal sealed partial class ZmqPeer
{
    private const int ReadBufferSize = 64 * 1024;

    private readonly ZmqSocket _owner;
    private readonly IPeerWire _wire;
    private readonly CancellationTokenSource _cts = new();
    private readonly Channel<OutboundBuffer> _out = Channel.CreateUnbounded<OutboundBuffer>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _sendHighWaterMark;
    private readonly int _receiveHighWaterMark;
    private readonly SubscriptionSet _subscriptions = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadBufferSize);
    private int _pos;
    private int _end;
    private int _queuedData;
    private int _closed;
    private long _lastReceived = Environment.TickCount64;
    private long _lastSent = Environment.TickCount64;
    private int _remoteTtlMs;

    public ZmqPeer(ZmqSocket owner, Socket socket)
        : this(owner, new SocketWire(socket))
    {
    }

    /// <summary>A peer over any byte stream (<see cref="BufferWire"/> feeds recorded or fuzzed octets through the same decoder).</summary>
    public ZmqPeer(ZmqSocket owner, IPeerWire wire)
    {
        _owner = owner;
        _wire = wire;
        _sendHighWaterMark = owner.Options.SendHighWaterMark;
        _receiveHighWaterMark = owner.Options.ReceiveHighWaterMark;
    }

    /// <summary>ZMTP minor version the peer announced (0 = 3.0, 1 = 3.1).</summary>
    public int PeerMinor { get; private set; }

    /// <summary>The peer's routing id (its Identity, or one we generated), ROUTER only.</summary>
    public byte[] RoutingId { get; set; } = [];

    public string RoutingKey { get; set; } = string.Empty;

    /// <summary>This connection's number on its socket (1, 2, ...), set when it attaches; 0 before.</summary>
    public long ConnectionId { get; set; }

    public byte[]? PeerIdentity { get; private set; }

    public bool HandshakeCompleted { get; private set; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>What this peer subscribed to (when we are a PUB).</summary>
    public SubscriptionSet Subscriptions => _subscriptions;

    public int QueuedMessages => Volatile.Read(ref _queuedData);

    public async Task RunAsync()
    {
        Task? writer = null;
        var attached = false;
        try
        {
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token))
            {
                handshake.CancelAfter(_owner.Options.HandshakeTimeout);
                bool ok;
                try
                {
                    ok = await HandshakeAsync(handshake.Token);
                }
                catch (OperationCanceledException) when (!_cts.IsCancellationRequested)
                {
                    Close(ZmqDropReason.HandshakeTimeout);
                    return;
                }

                if (!ok)
                {
                    return;
                }
            }

            HandshakeCompleted = true;
            if (!_owner.Attach(this))
            {
                Close(null);
                return;
            }

            attached = true;
            writer = WriteLoopAsync();
            await ReadLoopAsync();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or IOException or ChannelClosedException)
        {
            // the connection ended (reset, or closed by us: then Close already counted the reason)
            if (HandshakeCompleted)
            {
                EndOfStream();
            }
        }
        finally
        {
            if (!HandshakeCompleted && !IsClosed)
            {
                Close(ZmqDropReason.HandshakeIncomplete);
            }

            Close(null);
            if (attached)
            {
                _owner.Detach(this);
            }

            if (writer is not null)
            {
                await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (!ReferenceEquals(_pending, _inline))
            {
                _pending?.Dispose();
            }

            _pending = null;
            _inline?.Dispose();
            _inline = null;
            while (_out.Reader.TryRead(out var item))
            {
                item.Release();
            }

            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _cts.Dispose();
        }
    }

    /// <summary>Queues an application message unless this peer is at its send HWM.</summary>
    public bool TryEnqueue(OutboundBuffer message)
    {
        if (Interlocked.Increment(ref _queuedData) > _sendHighWaterMark || IsClosed)
        {
            Interlocked.Decrement(ref _queuedData);
            return false;
        }

        message.AddRef();
        if (_out.Writer.TryWrite(message))
        {
            return true;
        }

        message.Release();
        Interlocked.Decrement(ref _queuedData);
        return false;
    }

    /// <summary>Queues a command (PONG, SUBSCRIBE, ...); commands ignore the HWM.</summary>
    public void EnqueueCommand(byte[] frame)
    {
        var buffer = OutboundBuffer.Command(frame);
        if (!_out.Writer.TryWrite(buffer))
        {
            buffer.Release();
        }
    }

    /// <summary>Sends PING when idle and drops the peer when it has gone silent; called by the socket's heartbeat loop.</summary>
    public void Heartbeat(long now, ZmqSocketOptions options)
    {
        var silentMs = now - Volatile.Read(ref _lastReceived);
        var timeoutMs = (long)options.HeartbeatTimeout.TotalMilliseconds;
        var remoteTtl = Volatile.Read(ref _remoteTtlMs);
        if (silentMs > timeoutMs || (remoteTtl > 0 && silentMs > remoteTtl))
        {
            Close(ZmqDropReason.HeartbeatTimeout);
            return;
        }

        if (now - Volatile.Read(ref _lastSent) >= (long)options.HeartbeatInterval.TotalMilliseconds)
        {
            Volatile.Write(ref _lastSent, now);
            var ttl = (ushort)Math.Min(ushort.MaxValue, options.HeartbeatTimeout.TotalMilliseconds / 100);
            EnqueueCommand(Protocol.Zmtp.Ping(ttl, []));
        }
    }

    /// <summary>Ends the connection once; counts <paramref name="reason"/> when given.</summary>
    public void Close(ZmqDropReason? reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        if (reason is { } counted)
        {
            _owner.Counters.Drop(counted);
        }

        _out.Writer.TryComplete();
        _resume.Release();
        _wire.Close();
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // RunAsync already finished
        }
    }
}
