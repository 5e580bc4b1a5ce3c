namespace Bitten.Zmq;

/// <summary>Why a connection or a message was dropped. Values are stable (exported as metric tags).</summary>
public enum ZmqDropReason
{
    Unknown = 0,

    /// <summary>The peer's greeting was not ZMTP 3.x (bad signature or version below 3).</summary>
    BadGreeting = 1,

    /// <summary>The peer asked for a security mechanism other than NULL.</summary>
    MechanismMismatch = 2,

    /// <summary>The peer's Socket-Type may not talk to ours (a PUSH to a PUB, ...).</summary>
    IncompatibleSocketType = 3,

    /// <summary>The peer did not finish the greeting and READY within the handshake timeout.</summary>
    HandshakeTimeout = 4,

    /// <summary>An inbound frame announced more than <see cref="ZmqSocketOptions.MaxMessageBytes"/> (or a message had too many frames).</summary>
    MessageTooLarge = 5,

    /// <summary>Malformed framing or commands (reserved flag bits, a truncated command, a second READY, ...).</summary>
    ProtocolError = 6,

    /// <summary>The peer stopped answering heartbeats within the timeout (or its own TTL).</summary>
    HeartbeatTimeout = 7,

    /// <summary>A PUB message was not queued for one subscriber because that subscriber's queue was full.</summary>
    SubscriberQueueFull = 8,

    /// <summary>A ROUTER send named a routing id with no connected peer.</summary>
    UnknownRoutingId = 9,

    /// <summary>An older connection was closed because a newer one announced the same routing id.</summary>
    RoutingIdReplaced = 10,

    /// <summary>The peer sent an ERROR command.</summary>
    PeerError = 11,

    /// <summary>A message arrived on a socket type that never receives data (sent to a PUSH, non-subscription to a PUB).</summary>
    UnexpectedMessage = 12,

    /// <summary>The peer closed the connection before completing greeting and READY.</summary>
    HandshakeIncomplete = 13,

    /// <summary>The peer closed the connection in the middle of a frame or a multi-frame message; the partial message was discarded.</summary>
    Truncated = 14,

    /// <summary>A peer event was dropped because 10,000 were unread (<see cref="ZmqSocketOptions.PeerEvents"/>). (Was 11 by mistake, the value of <see cref="PeerError"/>, so ERROR drops were exported under this name.)</summary>
    PeerEventOverflow = 15,

    /// <summary>The socket's <see cref="ZmqSocketOptions.Receiver"/> threw on one of the peer's messages: that connection was closed.</summary>
    ReceiverFailed = 16,
}
