using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using Bitten.Zmq.Protocol;
using Bitten.Zmq.Transport;

namespace Bitten.Zmq;

/// <summary>
/// A ZeroMQ socket speaking ZMTP 3.1 (accepting 3.0 peers) over TCP with the NULL mechanism:
/// PULL, PUSH, PUB, SUB, ROUTER or DEALER. It may bind several endpoints and connect to several
/// (reconnecting with back-off); each TCP connection is a peer with its own send queue.
/// </summary>
/// <remarks>
/// <para><b>Thread-safety.</b> A socket has one owner: one logical consumer calls the receive
/// methods and one logical producer calls the send methods (they may be different threads, e.g. a
/// receive loop and a send loop). Concurrent receivers or concurrent senders are not supported.
/// <see cref="Bind"/>, <see cref="Connect"/>, <see cref="Subscribe(ReadOnlySpan{byte})"/>,
/// <see cref="Unsubscribe(ReadOnlySpan{byte})"/>, <see cref="GetMetrics"/> and disposal may be called
/// from any thread. The network work runs on the thread pool: per peer one read loop and one write loop.</para>
/// <para><b>Messages.</b> Received <see cref="ZmqMessage"/>s are pooled: the caller disposes each.
/// A ROUTER prefixes received messages with the peer's routing id frame and expects it as the first
/// frame when sending.</para>
/// </remarks>
public sealed partial class ZmqSocket : IAsyncDisposable, IDisposable
{
    private readonly Channel<ZmqMessage> _inbound;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ConcurrentDictionary<ZmqPeer, Task> _sessions = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _loops = [];
    private readonly Lock _gate = new();
    private int _disposing;

    /// <summary>Creates a socket of <paramref name="type"/>; nothing is bound or connected yet.</summary>
    public ZmqSocket(ZmqSocketType type, ZmqSocketOptions? options = null)
    {
        _ = SocketTypes.Name(type);
        Options = options ?? new ZmqSocketOptions();
        Options.Validate();
        Type = type;
        Receiver = Options.Receiver;
        if (Receiver is not null && type is not (ZmqSocketType.Pull or ZmqSocketType.Sub))
        {
            throw new ArgumentException("A receiver takes the messages of a PULL or SUB socket only.", nameof(options));
        }

        Name = Options.Name ?? SocketTypes.Name(type).ToLowerInvariant();
        ReadyFrame = Zmtp.Ready(type, Options.RoutingId.Span);
        // bounded per peer (ReceiveHighWaterMark each), so the shared queue needs no bound of its own;
        // one consumer at a time (the documented rule) lets the channel reuse its waiter objects
        _inbound = Channel.CreateUnbounded<ZmqMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        if (Options.HeartbeatInterval > TimeSpan.Zero)
        {
            _loops.Add(HeartbeatLoopAsync());
        }

        ZmqMeter.Register(this);
    }

    /// <summary>The socket type.</summary>
    public ZmqSocketType Type { get; }

    /// <summary>The metrics name (<see cref="ZmqSocketOptions.Name"/> or the type in lower case).</summary>
    public string Name { get; }

    internal ZmqSocketOptions Options { get; }

    /// <summary>The inline receiver (<see cref="ZmqSocketOptions.Receiver"/>), if any.</summary>
    internal IZmqReceiver? Receiver { get; }

    /// <summary>Serialises <see cref="Receiver"/>'s calls across peers (taken once per burst, not per message).</summary>
    internal Lock ReceiverGate { get; } = new();

    internal byte[] ReadyFrame { get; }

    internal SocketCounters Counters { get; } = new();

    internal ChannelWriter<ZmqMessage> Inbound => _inbound.Writer;

    internal SubscriptionSet LocalSubscriptions { get; } = new();

    internal AsyncSignal SendSpace { get; } = new();

    private bool IsDisposed => Volatile.Read(ref _disposing) != 0;

    /// <summary>A point-in-time copy of the counters (peers, messages and bytes each way, drops by reason).</summary>
    public ZmqMetricsSnapshot GetMetrics() => new(
        Name,
        Type,
        Volatile.Read(ref _peers).Length,
        Counters.ConnectionsAccepted,
        Counters.MessagesReceived,
        Counters.BytesReceived,
        Counters.MessagesSent,
        Counters.BytesSent,
        Counters.DropsByReason());

    /// <summary>Closes listeners and connections after up to <see cref="ZmqSocketOptions.Linger"/> for queued sends; pending received messages are released.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) != 0)
        {
            return;
        }

        ZmqMeter.Unregister(this);
        var lingerUntil = Environment.TickCount64 + (long)Options.Linger.TotalMilliseconds;
        while (Environment.TickCount64 < lingerUntil && Volatile.Read(ref _peers).Any(p => p.QueuedMessages > 0))
        {
            await Task.Delay(5);
        }

        await _disposed.CancelAsync();
        SendSpace.Pulse();
        lock (_gate)
        {
            foreach (var listener in _listeners)
            {
                listener.Dispose();
            }
        }

        foreach (var peer in _sessions.Keys)
        {
            peer.Close(null);
        }

        _inbound.Writer.TryComplete();
        await Task.WhenAll([.. _loops, .. _sessions.Values]).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (_inbound.Reader.TryRead(out var message))
        {
            message.Dispose();
        }

        _disposed.Dispose();
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void StartSession(Socket socket)
    {
        socket.NoDelay = true;
        var peer = new ZmqPeer(this, socket);
        var run = Task.Run(peer.RunAsync);
        _sessions[peer] = run;
        _ = run.ContinueWith(_ => _sessions.TryRemove(peer, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (IsDisposed)
        {
            peer.Close(null);
        }
    }
}
