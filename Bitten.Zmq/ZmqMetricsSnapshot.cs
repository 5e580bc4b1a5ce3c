namespace Bitten.Zmq;

/// <summary>Counters of one socket at a point in time (see <see cref="ZmqSocket.GetMetrics"/>). Immutable.</summary>
public sealed record ZmqMetricsSnapshot(
    string Name,
    ZmqSocketType SocketType,
    int PeersConnected,
    long ConnectionsAccepted,
    long MessagesReceived,
    long BytesReceived,
    long MessagesSent,
    long BytesSent,
    IReadOnlyDictionary<ZmqDropReason, long> Drops)
{
    /// <summary>Drops counted for <paramref name="reason"/> (0 when none).</summary>
    public long DropsFor(ZmqDropReason reason) => Drops.TryGetValue(reason, out var count) ? count : 0;
}
