namespace Bitten.Zmq;

/// <summary>
/// Settings of one <see cref="ZmqSocket"/>. Read once when the socket is created; changing the object
/// afterwards has no effect.
/// </summary>
public sealed class ZmqSocketOptions
{
    /// <summary>Name used as the <c>socket</c> tag of the exported metrics.</summary>
    public string? Name { get; set; }

    /// <summary>Messages queued per peer for sending before that peer counts as full. Default 1000.</summary>
    public int SendHighWaterMark { get; set; } = 1000;

    /// <summary>
    /// Records peer connects and disconnects for <see cref="ZmqSocket.PeerEvents"/> (off by default). Bounded: beyond
    /// 10,000 unread events the oldest are dropped (counted as <see cref="ZmqDropReason.PeerEventOverflow"/>).
    /// </summary>
    public bool PeerEvents { get; set; }

    /// <summary>
    /// Messages from one peer waiting for the application. When a peer reaches it, reading from that
    /// peer pauses (TCP back-pressure) while other peers keep being served. Default 1000.
    /// </summary>
    public int ReceiveHighWaterMark { get; set; } = 1000;

    /// <summary>
    /// PULL and SUB only: delivers received messages to this receiver on the read loops instead of the receive queue
    /// (the receive methods then see nothing, and <see cref="ReceiveHighWaterMark"/> does not apply: a peer is read only
    /// as fast as the receiver takes its messages). Default none.
    /// </summary>
    public IZmqReceiver? Receiver { get; set; }

    /// <summary>Largest inbound frame accepted; a peer announcing more is disconnected before the frame is read. Default 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>Most frames in one inbound message (bounds memory per peer together with <see cref="MaxMessageBytes"/>). Default 64.</summary>
    public int MaxFramesPerMessage { get; set; } = 64;

    /// <summary>Routing id announced to peers in READY (Identity) by DEALER and ROUTER sockets. Up to 255 octets, must not start with 0.</summary>
    public ReadOnlyMemory<byte> RoutingId { get; set; }

    /// <summary>Time allowed to a new connection to complete greeting and READY. Default 5 s.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A PING is sent to a peer after this much send idleness. <see cref="TimeSpan.Zero"/> disables heartbeats. Default 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A peer from which nothing arrives for this long is dropped (also sent to peers as PING TTL). Default 30 s.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before reconnecting a connected endpoint; doubles per failure. Default 100 ms.</summary>
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest reconnect back-off. Default 5 s.</summary>
    public TimeSpan ReconnectIntervalMax { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>SendAsync</c> waits for a peer or for queue space before throwing <see cref="ZmqException"/>. Default infinite.</summary>
    public TimeSpan SendTimeout { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>How long disposing waits for queued outbound messages to be written. Default 1 s.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SendHighWaterMark, 1, nameof(SendHighWaterMark));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveHighWaterMark, 1, nameof(ReceiveHighWaterMark));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageBytes, 1, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFramesPerMessage, 1, nameof(MaxFramesPerMessage));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RoutingId.Length, 255, nameof(RoutingId));
        if (!RoutingId.IsEmpty && RoutingId.Span[0] == 0)
        {
            throw new ArgumentException("A routing id must not start with a zero octet (reserved for generated ids).", nameof(RoutingId));
        }
    }
}
