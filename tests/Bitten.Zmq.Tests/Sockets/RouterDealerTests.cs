using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class RouterDealerTests
{
    [Fact]
    public async Task Receive_WhenDealerHasRoutingId_RouterPrefixesItAndRoutesTheReplyBack()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast(o => o.RoutingId = Support.Sockets.Utf8("ea-1")));
        dealer.Connect($"tcp://127.0.0.1:{port}");

        using (var hello = ZmqMessage.Create("hello", "world"))
        {
            await dealer.SendAsync(hello);
        }

        (await router.ReceiveStringsAsync()).ShouldBe(["ea-1", "hello", "world"]);
        await router.SendAsync(Support.Sockets.Utf8("ea-1"), Support.Sockets.Utf8("hello_ack"));
        (await dealer.ReceiveStringsAsync()).ShouldBe(["hello_ack"]);
    }

    [Fact]
    public async Task Receive_WhenDealerHasNoRoutingId_RouterGeneratesOneThatRoutes()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast());
        dealer.Connect($"tcp://127.0.0.1:{port}");
        await dealer.SendAsync(Support.Sockets.Utf8("hi"));

        using var received = await router.ReceiveWithinAsync();
        var id = received[0].ToArray();
        id.Length.ShouldBe(5);
        id[0].ShouldBe((byte)0);
        using (var reply = ZmqMessage.Create().Append(id).Append("back"))
        {
            router.TrySend(reply).ShouldBe(ZmqSendResult.Sent);
        }

        (await dealer.ReceiveStringsAsync()).ShouldBe(["back"]);
    }

    [Fact]
    public async Task Send_WhenRoutingIdUnknown_ReportsErrorAndCounts()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());

        router.TrySend(Support.Sockets.Utf8("nobody"), Support.Sockets.Utf8("x")).ShouldBe(ZmqSendResult.UnknownRoutingId);
        var error = await Should.ThrowAsync<ZmqException>(async () => await router.SendAsync(Support.Sockets.Utf8("nobody"), Support.Sockets.Utf8("x")));

        error.Result.ShouldBe(ZmqSendResult.UnknownRoutingId);
        router.GetMetrics().DropsFor(ZmqDropReason.UnknownRoutingId).ShouldBe(2);
    }

    [Fact]
    public async Task Attach_WhenRoutingIdReusedByNewConnection_NewerWinsAndOlderIsClosed()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        using var older = await RawPeer.ConnectAsync(port);
        await older.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("DEALER", "ea-7"));
        await router.WaitForPeersAsync(1);

        await using var newer = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast(o => o.RoutingId = Support.Sockets.Utf8("ea-7")));
        newer.Connect($"tcp://127.0.0.1:{port}");

        (await older.IsClosedByPeerAsync()).ShouldBeTrue();
        await Wait.UntilAsync(() => router.GetMetrics().DropsFor(ZmqDropReason.RoutingIdReplaced) == 1, Support.Sockets.Timeout, "the older connection is replaced");
        await router.SendAsync(Support.Sockets.Utf8("ea-7"), Support.Sockets.Utf8("fire"));
        (await newer.ReceiveStringsAsync()).ShouldBe(["fire"]);
        router.GetMetrics().PeersConnected.ShouldBe(1);
    }

    [Fact]
    public async Task Send_WhenDealerHasTwoRouters_RoundRobins()
    {
        await using var first = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        await using var second = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast());
        dealer.Connect($"tcp://127.0.0.1:{first.Bind("tcp://127.0.0.1:0")}");
        dealer.Connect($"tcp://127.0.0.1:{second.Bind("tcp://127.0.0.1:0")}");
        await dealer.WaitForPeersAsync(2);

        for (var i = 0; i < 4; i++)
        {
            await dealer.SendAsync(Support.Sockets.Utf8("x"));
        }

        await Wait.UntilAsync(() => first.GetMetrics().MessagesReceived == 2 && second.GetMetrics().MessagesReceived == 2, Support.Sockets.Timeout, "2 messages each");
    }
}
