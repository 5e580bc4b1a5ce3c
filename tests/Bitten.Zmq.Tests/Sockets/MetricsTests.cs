using System.Diagnostics.Metrics;
using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class MetricsTests
{
    [Fact]
    public async Task Meter_WhenSocketsExchangeMessages_ExportsCountersTaggedBySocketName()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.Name = "metrics-test-pull"));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");
        await push.SendAsync(new byte[42]);
        using (await pull.ReceiveWithinAsync())
        {
        }

        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Bitten.Zmq")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "socket", Value: "metrics-test-pull" })
                {
                    seen[instrument.Name] = value;
                }
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => { });
        listener.Start();
        listener.RecordObservableInstruments();

        seen["bitten_zmq_messages_received_total"].ShouldBe(1);
        seen["bitten_zmq_bytes_received_total"].ShouldBe(42);
        seen["bitten_zmq_peers"].ShouldBe(1);
    }

    [Fact]
    public void Message_WhenDisposedAndRentedAgain_ComesBackEmpty()
    {
        var message = ZmqMessage.Create("a", "bcd");
        message.FrameCount.ShouldBe(2);
        message.TotalBytes.ShouldBe(4);
        message.GetString(1).ShouldBe("bcd");
        message.Dispose();
        message.Dispose();

        using var again = ZmqMessage.Create();
        again.FrameCount.ShouldBe(0);
        again.TotalBytes.ShouldBe(0);
    }
}
