using Bitten.Zmq.Transport;

namespace Bitten.Zmq;

public sealed partial class ZmqSocket
{
    private int _roundRobin;

    /// <summary>Sends a one-frame message without waiting. PUSH/DEALER: to the next peer with room (round-robin); PUB: to each matching subscriber.</summary>
    public ZmqSendResult TrySend(ReadOnlySpan<byte> frame)
    {
        RequireSender(frames: 1);
        var wire = OutboundBuffer.Encode(frame, default, 1);
        return DispatchAndRelease(wire, frame);
    }

    /// <summary>Sends a two-frame message without waiting (PUB: topic + body; ROUTER: routing id + body).</summary>
    public ZmqSendResult TrySend(ReadOnlySpan<byte> frame1, ReadOnlySpan<byte> frame2)
    {
        RequireSender(frames: 2);
        var wire = Type == ZmqSocketType.Router ? OutboundBuffer.Encode(frame2, default, 1) : OutboundBuffer.Encode(frame1, frame2, 2);
        return DispatchAndRelease(wire, frame1);
    }

    /// <summary>Sends a copy of <paramref name="message"/> without waiting; the caller still owns (and disposes) the message.</summary>
    public ZmqSendResult TrySend(ZmqMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireSender(message.FrameCount);
        var wire = OutboundBuffer.Encode(message, Type == ZmqSocketType.Router ? 1 : 0);
        return DispatchAndRelease(wire, message[0]);
    }

    /// <summary>Sends a one-frame message, waiting up to <see cref="ZmqSocketOptions.SendTimeout"/> for a peer or queue room.</summary>
    /// <exception cref="ZmqException">Unknown ROUTER routing id, or still no peer/room when the send timeout passes.</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
    {
        RequireSender(frames: 1);
        var wire = OutboundBuffer.Encode(frame.Span, default, 1);
        return SendCoreAsync(wire, frame, cancellationToken);
    }

    /// <summary>Sends a two-frame message (PUB: topic + body; ROUTER: routing id + body); waits like <see cref="SendAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame1, ReadOnlyMemory<byte> frame2, CancellationToken cancellationToken = default)
    {
        RequireSender(frames: 2);
        var wire = Type == ZmqSocketType.Router ? OutboundBuffer.Encode(frame2.Span, default, 1) : OutboundBuffer.Encode(frame1.Span, frame2.Span, 2);
        return SendCoreAsync(wire, frame1, cancellationToken);
    }

    /// <summary>Sends a copy of a multi-frame message; waits like <see cref="SendAsync(ReadOnlyMemory{byte}, CancellationToken)"/>. The caller still owns the message.</summary>
    public ValueTask SendAsync(ZmqMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        RequireSender(message.FrameCount);
        var wire = OutboundBuffer.Encode(message, Type == ZmqSocketType.Router ? 1 : 0);
        return SendCoreAsync(wire, message.GetFrameMemory(0), cancellationToken);
    }

    private ValueTask SendCoreAsync(OutboundBuffer wire, ReadOnlyMemory<byte> first, CancellationToken cancellationToken)
    {
        var result = Dispatch(wire, first.Span);
        if (result == ZmqSendResult.Sent)
        {
            wire.Release();
            return ValueTask.CompletedTask;
        }

        return SendSlowAsync(wire, first, result, cancellationToken);
    }

    private async ValueTask SendSlowAsync(OutboundBuffer wire, ReadOnlyMemory<byte> first, ZmqSendResult result, CancellationToken cancellationToken)
    {
        try
        {
            var timeout = Options.SendTimeout;
            var deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            while (true)
            {
                if (result == ZmqSendResult.UnknownRoutingId)
                {
                    throw new ZmqException(result, "No connected peer has this routing id; the message was not sent.");
                }

                ObjectDisposedException.ThrowIf(IsDisposed, this);
                var wake = SendSpace.Next;
                result = Dispatch(wire, first.Span);
                if (result == ZmqSendResult.Sent)
                {
                    return;
                }

                var remaining = deadline == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
                if (remaining == TimeSpan.Zero)
                {
                    throw new ZmqException(result, result == ZmqSendResult.NoPeer
                        ? "No peer connected within the send timeout; the message was not sent."
                        : "Every peer's send queue stayed at its high-water mark for the send timeout; the message was not sent.");
                }

                try
                {
                    await wake.WaitAsync(remaining, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // re-check, then report on the next loop
                }
            }
        }
        finally
        {
            wire.Release();
        }
    }

    private ZmqSendResult DispatchAndRelease(OutboundBuffer wire, ReadOnlySpan<byte> first)
    {
        try
        {
            return Dispatch(wire, first);
        }
        finally
        {
            wire.Release();
        }
    }

    private ZmqSendResult Dispatch(OutboundBuffer wire, ReadOnlySpan<byte> first)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var peers = Volatile.Read(ref _peers);
        switch (Type)
        {
            case ZmqSocketType.Pub:
                var delivered = false;
                foreach (var peer in peers)
                {
                    if (!peer.Subscriptions.Matches(first))
                    {
                        continue;
                    }

                    if (peer.TryEnqueue(wire))
                    {
                        delivered = true;
                    }
                    else
                    {
                        Counters.Drop(ZmqDropReason.SubscriberQueueFull);
                    }
                }

                if (delivered)
                {
                    Counters.Sent(wire.Length);
                }

                return ZmqSendResult.Sent;
            case ZmqSocketType.Router:
                if (!_routes.TryGetValue(System.Text.Encoding.Latin1.GetString(first), out var target))
                {
                    Counters.Drop(ZmqDropReason.UnknownRoutingId);
                    return ZmqSendResult.UnknownRoutingId;
                }

                if (!target.TryEnqueue(wire))
                {
                    return ZmqSendResult.QueueFull;
                }

                Counters.Sent(wire.Length);
                return ZmqSendResult.Sent;
            default:
                if (peers.Length == 0)
                {
                    return ZmqSendResult.NoPeer;
                }

                var start = (int)((uint)_roundRobin % (uint)peers.Length);
                for (var i = 0; i < peers.Length; i++)
                {
                    var index = (start + i) % peers.Length;
                    if (peers[index].TryEnqueue(wire))
                    {
                        _roundRobin = index + 1;
                        Counters.Sent(wire.Length);
                        return ZmqSendResult.Sent;
                    }
                }

                return ZmqSendResult.QueueFull;
        }
    }

    private void RequireSender(int frames)
    {
        if (Type is ZmqSocketType.Pull or ZmqSocketType.Sub)
        {
            throw new NotSupportedException($"A {Type} socket only receives.");
        }

        if (frames < 1 || (Type == ZmqSocketType.Router && frames < 2))
        {
            throw new ArgumentException(Type == ZmqSocketType.Router
                ? "A ROUTER message needs the routing id frame followed by at least one frame."
                : "A message needs at least one frame.");
        }
    }
}
