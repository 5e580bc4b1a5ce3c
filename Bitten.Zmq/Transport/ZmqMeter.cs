using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Bitten.Zmq.Transport;

/// <summary>Exports every live socket's counters as <c>System.Diagnostics.Metrics</c> instruments of the meter "Bitten.Zmq".</summary>
internal static class ZmqMeter
{
    public const string MeterName = "Bitten.Zmq";
    private static readonly ConcurrentDictionary<ZmqSocket, byte> Sockets = new();
    private static readonly Meter Meter = new(MeterName);

    static ZmqMeter()
    {
        Meter.CreateObservableUpDownCounter("bitten_zmq_peers", () => Measure(s => s.GetMetrics().PeersConnected), description: "Connected peers (handshake complete)");
        Meter.CreateObservableCounter("bitten_zmq_messages_received_total", () => Measure(s => s.Counters.MessagesReceived));
        Meter.CreateObservableCounter("bitten_zmq_bytes_received_total", () => Measure(s => s.Counters.BytesReceived), unit: "By");
        Meter.CreateObservableCounter("bitten_zmq_messages_sent_total", () => Measure(s => s.Counters.MessagesSent));
        Meter.CreateObservableCounter("bitten_zmq_bytes_sent_total", () => Measure(s => s.Counters.BytesSent), unit: "By");
        Meter.CreateObservableCounter("bitten_zmq_drops_total", MeasureDrops, description: "Connections or messages dropped, by reason");
    }

    public static void Register(ZmqSocket socket) => Sockets.TryAdd(socket, 0);

    public static void Unregister(ZmqSocket socket) => Sockets.TryRemove(socket, out _);

    private static IEnumerable<Measurement<long>> Measure(Func<ZmqSocket, long> value) =>
        [.. Sockets.Keys.Select(s => new Measurement<long>(value(s), new("socket", s.Name), new("type", s.Type.ToString())))];

    private static IEnumerable<Measurement<long>> MeasureDrops() =>
        [.. Sockets.Keys.SelectMany(s => s.Counters.DropsByReason().Select(d =>
            new Measurement<long>(d.Value, new("socket", s.Name), new("reason", d.Key.ToString()))))];
}
