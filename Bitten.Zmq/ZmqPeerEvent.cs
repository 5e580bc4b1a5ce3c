namespace Bitten.Zmq;

/// <summary>What happened to a peer connection.</summary>
public enum ZmqPeerEventKind
{
    /// <summary>A peer completed its handshake. On a ROUTER it now owns <see cref="ZmqPeerEvent.RoutingId"/> (a newer connection with the same id replaces the older).</summary>
    Connected = 1,

    /// <summary>A peer's connection ended (closed, failed, or replaced by a newer connection with its routing id).</summary>
    Disconnected = 2,
}

/// <summary>
/// A peer connected or disconnected (<see cref="ZmqSocketOptions.PeerEvents"/>). A peer's <see cref="ZmqPeerEventKind.Connected"/>
/// event is written before any message from that connection can be received, so a reader that drains events before each
/// message sees them in causal order. <see cref="RoutingId"/> is the ROUTER routing id (the peer's identity, or the one
/// generated for it); empty for other socket types. <see cref="ConnectionId"/> numbers the connection on its socket and equals
/// <see cref="ZmqMessage.ConnectionId"/> of the messages it delivers: on a ROUTER, where a newer connection takes over a routing
/// id, it tells which connection a message came from.
/// </summary>
public readonly record struct ZmqPeerEvent(ZmqPeerEventKind Kind, ReadOnlyMemory<byte> RoutingId, long ConnectionId = 0);
