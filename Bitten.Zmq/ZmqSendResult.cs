namespace Bitten.Zmq;

/// <summary>Outcome of <see cref="ZmqSocket.TrySend(ReadOnlySpan{byte})"/> and its overloads.</summary>
public enum ZmqSendResult
{
    Unknown = 0,

    /// <summary>Queued for sending (for PUB: offered to every matching subscriber; full ones are counted as drops).</summary>
    Sent = 1,

    /// <summary>No peer is connected (PUSH, DEALER).</summary>
    NoPeer = 2,

    /// <summary>Every eligible peer's send queue is at its high-water mark.</summary>
    QueueFull = 3,

    /// <summary>ROUTER: no connected peer has the routing id in the first frame (ROUTER_MANDATORY behaviour).</summary>
    UnknownRoutingId = 4,
}
