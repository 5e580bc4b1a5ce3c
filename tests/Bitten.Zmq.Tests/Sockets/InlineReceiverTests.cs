using System.Collections.Concurrent;
using System.Globalization;
using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class InlineReceiverTests
{
    [Fact]
    public async Task Receiver_WhenPushSends_GetsEveryMessageInOrderAndBatchEnds()
    {
        var receiver = new RecordingReceiver();
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.Receiver = receiver));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");

        for (var i = 0; i < 2000; i++)
        {
            using var message = ZmqMessage.Create("m", i.ToString(CultureInfo.InvariantCulture));
            await push.SendAsync(message);
        }

        await Wait.UntilAsync(() => receiver.Count == 2000 && receiver.BatchEnds > 0, Support.Sockets.Timeout, "all 2000 delivered and a burst ended");
        receiver.Messages.ShouldBe([.. Enumerable.Range(0, 2000).Select(i => "m|" + i.ToString(CultureInfo.InvariantCulture))]);
        receiver.ConnectionIds.Distinct().ShouldHaveSingleItem().ShouldBeGreaterThan(0);
        receiver.Overlaps.ShouldBe(0);
        pull.GetMetrics().MessagesReceived.ShouldBe(2000);
        pull.TryReceive(out _).ShouldBeFalse(); // nothing goes through the receive queue
    }

    [Fact]
    public async Task Receiver_WhenSeveralPeersSendAtOnce_IsNeverCalledConcurrently()
    {
        var receiver = new RecordingReceiver();
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.Receiver = receiver));
        var port = pull.Bind("tcp://127.0.0.1:0");
        var pushes = Enumerable.Range(0, 4).Select(_ => new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast())).ToList();
        try
        {
            foreach (var push in pushes)
            {
                push.Connect($"tcp://127.0.0.1:{port}");
            }

            await Task.WhenAll(pushes.Select(async (push, p) =>
            {
                for (var i = 0; i < 1000; i++)
                {
                    await push.SendAsync(Support.Sockets.Utf8(p.ToString(CultureInfo.InvariantCulture)));
                }
            }));

            await Wait.UntilAsync(() => receiver.Count == 4000, Support.Sockets.Timeout, "all 4000 delivered");
            receiver.Overlaps.ShouldBe(0);
            receiver.Messages.GroupBy(m => m).Select(g => g.Count()).ShouldAllBe(n => n == 1000);
            receiver.ConnectionIds.Distinct().Count().ShouldBe(4);
        }
        finally
        {
            foreach (var push in pushes)
            {
                await push.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Receiver_WhenItThrows_ClosesThatConnectionCountedAndKeepsServingOthers()
    {
        var receiver = new RecordingReceiver { ThrowOn = "boom" };
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.Receiver = receiver));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var bad = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        bad.Connect($"tcp://127.0.0.1:{port}");
        await bad.SendAsync(Support.Sockets.Utf8("boom"));
        await Wait.UntilAsync(() => pull.GetMetrics().DropsFor(ZmqDropReason.ReceiverFailed) == 1, Support.Sockets.Timeout, "the connection was dropped as ReceiverFailed");
        receiver.Thrown.ShouldBe(1);

        // the gate was released: another peer is served
        await using var good = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        good.Connect($"tcp://127.0.0.1:{port}");
        await good.SendAsync(Support.Sockets.Utf8("fine"));
        await Wait.UntilAsync(() => receiver.Messages.Contains("fine"), Support.Sockets.Timeout, "the other peer's message arrived");
    }

    [Theory]
    [InlineData(ZmqSocketType.Router)]
    [InlineData(ZmqSocketType.Dealer)]
    [InlineData(ZmqSocketType.Pub)]
    [InlineData(ZmqSocketType.Push)]
    public void Constructor_WhenReceiverOnAnotherType_Throws(ZmqSocketType type)
    {
        Should.Throw<ArgumentException>(() => new ZmqSocket(type, new ZmqSocketOptions { Receiver = new RecordingReceiver() }));
    }

    private sealed class RecordingReceiver : IZmqReceiver
    {
        private readonly ConcurrentQueue<string> _messages = new();
        private readonly ConcurrentQueue<long> _connections = new();
        private int _inside;
        private int _overlaps;
        private int _batchEnds;
        private int _thrown;

        public string? ThrowOn { get; init; }

        public int Count => _messages.Count;

        public IReadOnlyList<string> Messages => [.. _messages];

        public IReadOnlyList<long> ConnectionIds => [.. _connections];

        public int Overlaps => Volatile.Read(ref _overlaps);

        public int BatchEnds => Volatile.Read(ref _batchEnds);

        public int Thrown => Volatile.Read(ref _thrown);

        public void OnMessage(ZmqMessage message)
        {
            if (Interlocked.Increment(ref _inside) != 1)
            {
                Interlocked.Increment(ref _overlaps);
            }

            try
            {
                var text = string.Join('|', Enumerable.Range(0, message.FrameCount).Select(message.GetString));
                if (text == ThrowOn)
                {
                    Interlocked.Increment(ref _thrown);
                    throw new InvalidOperationException("receiver failed");
                }

                Thread.SpinWait(50); // widens the window in which a second caller would overlap
                _messages.Enqueue(text);
                _connections.Enqueue(message.ConnectionId);
            }
            finally
            {
                Interlocked.Decrement(ref _inside);
            }
        }

        public void OnBatchEnd()
        {
            if (Volatile.Read(ref _inside) != 0)
            {
                Interlocked.Increment(ref _overlaps);
            }

            Interlocked.Increment(ref _batchEnds);
        }
    }
}
