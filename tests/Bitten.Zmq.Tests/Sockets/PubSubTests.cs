using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class PubSubTests
{
    [Fact]
    public async Task Publish_WhenSubscribedToPrefix_DeliversOnlyMatchingTopics()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast());
        var port = pub.Bind("tcp://127.0.0.1:0");
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, Support.Sockets.Fast());
        sub.Subscribe("signal.EUR");
        sub.Connect($"tcp://127.0.0.1:{port}");
        await pub.WaitForPeersAsync(1);

        // publish until the subscription has reached the publisher, then a marker
        await Wait.UntilAsync(
            () =>
            {
                pub.TrySend(Support.Sockets.Utf8("signal.GBPUSD"), Support.Sockets.Utf8("no"));
                pub.TrySend(Support.Sockets.Utf8("signal.EURUSD"), Support.Sockets.Utf8("yes"));
                return sub.GetMetrics().MessagesReceived > 0;
            },
            Support.Sockets.Timeout,
            "the subscription reached the publisher");

        for (var i = 0; i < 5; i++)
        {
            pub.TrySend(Support.Sockets.Utf8("signal.GBPUSD"), Support.Sockets.Utf8("no"));
            pub.TrySend(Support.Sockets.Utf8("signal.EURUSD"), Support.Sockets.Utf8($"last{i}"));
        }

        string[] received;
        do
        {
            received = await sub.ReceiveStringsAsync();
            received[0].ShouldBe("signal.EURUSD");
        }
        while (received[1] != "last4");
    }

    [Fact]
    public async Task Unsubscribe_WhenLastSubscriptionCancelled_StopsDelivery()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast());
        var port = pub.Bind("tcp://127.0.0.1:0");
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, Support.Sockets.Fast());
        sub.Connect($"tcp://127.0.0.1:{port}");
        sub.Subscribe("A");
        await pub.WaitForPeersAsync(1);
        await Wait.UntilAsync(() => pub.TrySend(Support.Sockets.Utf8("A1")) == ZmqSendResult.Sent && sub.TryReceive(out var m) && Dispose(m), Support.Sockets.Timeout, "A arrives");

        sub.Unsubscribe("A");
        sub.Subscribe("B");
        await Wait.UntilAsync(
            () =>
            {
                pub.TrySend(Support.Sockets.Utf8("A2"));
                pub.TrySend(Support.Sockets.Utf8("B2"));
                while (sub.TryReceive(out var m))
                {
                    using (m)
                    {
                        if (m.GetString(0) == "B2")
                        {
                            return true;
                        }
                    }
                }

                return false;
            },
            Support.Sockets.Timeout,
            "B arrives");

        // after B arrived, A is no longer forwarded: publish A then B and expect B next
        pub.TrySend(Support.Sockets.Utf8("A3"));
        pub.TrySend(Support.Sockets.Utf8("B3"));
        string next;
        do
        {
            next = (await sub.ReceiveStringsAsync())[0];
            next.ShouldNotStartWith("A");
        }
        while (next != "B3");
    }

    [Fact]
    public async Task Publish_WhenSubscriberQueueFull_DropsAndCounts()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast(o => o.SendHighWaterMark = 2));
        var port = pub.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("SUB"), WireCaptures.Get("libzmq SUB -> 3.1 peer: SUBSCRIBE command for topic EURUSD"));
        await pub.WaitForPeersAsync(1);
        var body = new byte[60_000];

        await Wait.UntilAsync(
            () =>
            {
                pub.TrySend(Support.Sockets.Utf8("EURUSD"), body).ShouldBe(ZmqSendResult.Sent);
                return pub.GetMetrics().DropsFor(ZmqDropReason.SubscriberQueueFull) > 0;
            },
            Support.Sockets.Timeout,
            "a message is dropped for the stalled subscriber");
    }

    [Fact]
    public void Subscribe_WhenSocketIsNotSub_Throws()
    {
        using var pub = new ZmqSocket(ZmqSocketType.Pub);
        Should.Throw<NotSupportedException>(() => pub.Subscribe("x"));
    }

    private static bool Dispose(ZmqMessage message)
    {
        message.Dispose();
        return true;
    }
}
