using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Bitten.Zmq.Protocol;
using Bitten.Zmq.Transport;

namespace Bitten.Zmq;

public sealed partial class ZmqSocket
{
    private readonly ConcurrentDictionary<string, ZmqPeer> _routes = new(StringComparer.Ordinal);
    private ZmqPeer[] _peers = [];
    private uint _nextRoutingId = (uint)Random.Shared.Next();
    private long _nextConnectionId;
    private System.Threading.Channels.Channel<ZmqPeerEvent>? _peerEvents;

    /// <summary>
    /// Peer connects and disconnects, when <see cref="ZmqSocketOptions.PeerEvents"/> is on (otherwise a reader that never
    /// yields anything). A connection's <see cref="ZmqPeerEventKind.Connected"/> is written before any of its messages
    /// can be received.
    /// </summary>
    public System.Threading.Channels.ChannelReader<ZmqPeerEvent> PeerEvents => PeerEventChannel.Reader;

    private System.Threading.Channels.Channel<ZmqPeerEvent> PeerEventChannel
    {
        get
        {
            if (_peerEvents is null)
            {
                Interlocked.CompareExchange(ref _peerEvents, System.Threading.Channels.Channel.CreateBounded<ZmqPeerEvent>(
                    new System.Threading.Channels.BoundedChannelOptions(10_000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest },
                    _ => Counters.Drop(ZmqDropReason.PeerEventOverflow)), null);
            }

            return _peerEvents;
        }
    }

    private void RaisePeerEvent(ZmqPeerEventKind kind, byte[]? routingId, long connectionId)
    {
        if (Options.PeerEvents)
        {
            PeerEventChannel.Writer.TryWrite(new ZmqPeerEvent(kind, routingId ?? [], connectionId));
        }
    }

    /// <summary>Peers that completed their handshake (a snapshot).</summary>
    internal IReadOnlyList<ZmqPeer> Peers => Volatile.Read(ref _peers);

    /// <summary>SUB: receive messages whose first frame starts with <paramref name="prefix"/> (empty = everything). Counted: subscribe twice, unsubscribe twice.</summary>
    public void Subscribe(ReadOnlySpan<byte> prefix) => ChangeSubscription(subscribe: true, prefix);

    /// <summary>SUB: subscribe to a UTF-8 topic prefix.</summary>
    public void Subscribe(string prefix) => Subscribe(Encoding.UTF8.GetBytes(prefix));

    /// <summary>SUB: cancel one earlier <see cref="Subscribe(ReadOnlySpan{byte})"/> of the same prefix.</summary>
    public void Unsubscribe(ReadOnlySpan<byte> prefix) => ChangeSubscription(subscribe: false, prefix);

    /// <summary>SUB: cancel a UTF-8 topic prefix.</summary>
    public void Unsubscribe(string prefix) => Unsubscribe(Encoding.UTF8.GetBytes(prefix));

    /// <summary>Registers a peer that completed its handshake; false when the socket is closing.</summary>
    internal bool Attach(ZmqPeer peer)
    {
        lock (_gate)
        {
            if (IsDisposed)
            {
                return false;
            }

            if (Type == ZmqSocketType.Router)
            {
                // ids starting with 0 are ours to generate; a peer may not claim one (it could take over another peer's route)
                var id = peer.PeerIdentity is { Length: > 0 } identity && identity[0] != 0 ? identity : NextRoutingId();
                var key = Encoding.Latin1.GetString(id);
                if (_routes.TryGetValue(key, out var older))
                {
                    // the newer connection wins (a reconnecting EA keeps its routing id)
                    older.Close(ZmqDropReason.RoutingIdReplaced);
                    _peers = [.. _peers.Where(p => p != older)];
                }

                peer.RoutingId = id;
                peer.RoutingKey = key;
                _routes[key] = peer;
            }

            peer.ConnectionId = ++_nextConnectionId;
            _peers = [.. _peers, peer];
            RaisePeerEvent(ZmqPeerEventKind.Connected, Type == ZmqSocketType.Router ? peer.RoutingId : null, peer.ConnectionId);
            if (Type == ZmqSocketType.Sub)
            {
                foreach (var topic in LocalSubscriptions.Topics)
                {
                    peer.EnqueueCommand(Zmtp.Subscription(subscribe: true, topic, peer.PeerMinor));
                }
            }
        }

        SendSpace.Pulse();
        return true;
    }

    /// <summary>
    /// On a ROUTER: true while a connected peer owns <paramref name="routingId"/>. After a <see cref="ZmqPeerEventKind.Disconnected"/>
    /// event this tells whether the id is gone or a newer connection holds it.
    /// </summary>
    public bool HasRoute(ReadOnlySpan<byte> routingId) =>
        Type == ZmqSocketType.Router && _routes.ContainsKey(System.Text.Encoding.Latin1.GetString(routingId));

    internal void Detach(ZmqPeer peer)
    {
        lock (_gate)
        {
            _peers = [.. _peers.Where(p => p != peer)];
            if (Type == ZmqSocketType.Router && _routes.TryGetValue(peer.RoutingKey, out var current) && current == peer)
            {
                _routes.TryRemove(peer.RoutingKey, out _);
            }

            RaisePeerEvent(ZmqPeerEventKind.Disconnected, Type == ZmqSocketType.Router ? peer.RoutingId : null, peer.ConnectionId);
        }
    }

    private byte[] NextRoutingId()
    {
        var id = new byte[5];
        BinaryPrimitives.WriteUInt32BigEndian(id.AsSpan(1), unchecked(++_nextRoutingId));
        return id;
    }

    private void ChangeSubscription(bool subscribe, ReadOnlySpan<byte> prefix)
    {
        if (Type != ZmqSocketType.Sub)
        {
            throw new NotSupportedException($"Only a SUB socket subscribes; this is a {Type} socket.");
        }

        lock (_gate)
        {
            var changed = subscribe ? LocalSubscriptions.Add(prefix) : LocalSubscriptions.Remove(prefix);
            if (!changed)
            {
                return;
            }

            foreach (var peer in _peers)
            {
                peer.EnqueueCommand(Zmtp.Subscription(subscribe, prefix, peer.PeerMinor));
            }
        }
    }
}
