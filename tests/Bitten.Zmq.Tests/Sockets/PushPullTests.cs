using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class PushPullTests
{
    [Fact]
    public async Task Send_WhenPushConnectsToPull_DeliversMultiFrameMessagesInOrder()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");

        for (var i = 0; i < 1000; i++)
        {
            using var message = ZmqMessage.Create("m", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await push.SendAsync(message);
        }

        for (var i = 0; i < 1000; i++)
        {
            (await pull.ReceiveStringsAsync()).ShouldBe(["m", i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var metrics = pull.GetMetrics();
        metrics.MessagesReceived.ShouldBe(1000);
        metrics.PeersConnected.ShouldBe(1);
        push.GetMetrics().MessagesSent.ShouldBe(1000);
    }

    [Fact]
    public async Task Bind_WhenCalledTwice_ServesBothEndpointsAndReportsDistinctPorts()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        var first = pull.Bind("tcp://127.0.0.1:0");
        var second = pull.Bind("tcp://127.0.0.1:0");
        first.ShouldNotBe(second);
        await using var a = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        await using var b = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        a.Connect($"tcp://127.0.0.1:{first}");
        b.Connect($"tcp://127.0.0.1:{second}");

        await a.SendAsync(Support.Sockets.Utf8("a"));
        await b.SendAsync(Support.Sockets.Utf8("b"));

        var got = new[] { (await pull.ReceiveStringsAsync())[0], (await pull.ReceiveStringsAsync())[0] };
        got.Order(StringComparer.Ordinal).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Send_WhenTwoPullPeers_RoundRobinsBetweenThem()
    {
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        var port = push.Bind("tcp://127.0.0.1:0");
        await using var left = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        await using var right = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        left.Connect($"tcp://127.0.0.1:{port}");
        right.Connect($"tcp://127.0.0.1:{port}");
        await push.WaitForPeersAsync(2);

        for (var i = 0; i < 10; i++)
        {
            await push.SendAsync(Support.Sockets.Utf8("x"));
        }

        await Wait.UntilAsync(() => left.GetMetrics().MessagesReceived + right.GetMetrics().MessagesReceived == 10, Support.Sockets.Timeout, "all 10 arrived");
        left.GetMetrics().MessagesReceived.ShouldBe(5);
        right.GetMetrics().MessagesReceived.ShouldBe(5);
    }

    [Fact]
    public async Task Receive_WhenTwoPushPeersSendFlatOut_ServesBothFairly()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.ReceiveHighWaterMark = 10));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var a = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        await using var b = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        a.Connect($"tcp://127.0.0.1:{port}");
        b.Connect($"tcp://127.0.0.1:{port}");
        await pull.WaitForPeersAsync(2);
        for (var i = 0; i < 500; i++)
        {
            await a.SendAsync(Support.Sockets.Utf8("a"));
            await b.SendAsync(Support.Sockets.Utf8("b"));
        }

        // each peer may hold 10 messages for the application: once both have, neither gets ahead
        await Wait.UntilAsync(() => pull.GetMetrics().MessagesReceived == 20, Support.Sockets.Timeout, "both peers filled their share");
        var first20 = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            first20.Add((await pull.ReceiveStringsAsync())[0]);
        }

        first20.Count(f => f == "a").ShouldBe(10);
        first20.Count(f => f == "b").ShouldBe(10);
        for (var i = 20; i < 1000; i++)
        {
            using var rest = await pull.ReceiveWithinAsync();
        }
    }

    [Fact]
    public async Task Receive_WhenOnePeerReachesReceiveHighWaterMark_PausesOnlyThatPeer()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.ReceiveHighWaterMark = 10));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var flooding = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        await using var quiet = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        flooding.Connect($"tcp://127.0.0.1:{port}");
        quiet.Connect($"tcp://127.0.0.1:{port}");
        await pull.WaitForPeersAsync(2);

        for (var i = 0; i < 500; i++)
        {
            await flooding.SendAsync(Support.Sockets.Utf8("flood"));
        }

        await Wait.UntilAsync(() => pull.GetMetrics().MessagesReceived == 10, Support.Sockets.Timeout, "the flooding peer filled its HWM");
        await quiet.SendAsync(Support.Sockets.Utf8("quiet"));
        await Wait.UntilAsync(() => pull.GetMetrics().MessagesReceived == 11, Support.Sockets.Timeout, "the quiet peer is still read");

        var first11 = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            first11.Add((await pull.ReceiveStringsAsync())[0]);
        }

        first11.Count(f => f == "flood").ShouldBe(10);
        first11.ShouldContain("quiet");
        for (var i = 10; i < 500; i++)
        {
            (await pull.ReceiveStringsAsync())[0].ShouldBe("flood");
        }
    }

    [Fact]
    public async Task SendAsync_WhenNoPeerAndSendTimeoutPasses_ThrowsWithNoPeer()
    {
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast(o => o.SendTimeout = TimeSpan.FromMilliseconds(50)));

        var error = await Should.ThrowAsync<ZmqException>(async () => await push.SendAsync(Support.Sockets.Utf8("x")));

        error.Result.ShouldBe(ZmqSendResult.NoPeer);
        push.TrySend(Support.Sockets.Utf8("x")).ShouldBe(ZmqSendResult.NoPeer);
    }

    [Fact]
    public async Task SendAsync_WhenNoPeerYet_WaitsAndDeliversOnceConnected()
    {
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        var port = push.Bind("tcp://127.0.0.1:0");
        var sending = push.SendAsync(Support.Sockets.Utf8("late")).AsTask();
        sending.IsCompleted.ShouldBeFalse();

        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        pull.Connect($"tcp://127.0.0.1:{port}");

        (await pull.ReceiveStringsAsync()).ShouldBe(["late"]);
        await sending;
    }

    [Fact]
    public async Task TrySend_WhenPeerQueueAtHighWaterMark_ReportsQueueFull()
    {
        // a raw peer that completes the handshake and then never reads: its queue fills up
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast(o => o.SendHighWaterMark = 5));
        var port = push.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(WireCaptures.Get("our greeting"), ZmtpBytes.Ready("PULL"));
        await push.WaitForPeersAsync(1);
        var big = new byte[60_000];

        var results = new List<ZmqSendResult>();
        await Wait.UntilAsync(
            () =>
            {
                results.Add(push.TrySend(big));
                return results[^1] == ZmqSendResult.QueueFull;
            },
            Support.Sockets.Timeout,
            "the HWM is reached");

        results.Count(r => r == ZmqSendResult.Sent).ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task Connect_WhenEndpointNotYetBound_RetriesWithBackoffAndDeliversOnceBound()
    {
        var port = FreePort();
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");
        var sending = push.SendAsync(Support.Sockets.Utf8("early")).AsTask();

        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        pull.Bind($"tcp://127.0.0.1:{port}");

        (await pull.ReceiveStringsAsync()).ShouldBe(["early"]);
        await sending;
    }

    [Fact]
    public async Task Dispose_WhenSendAsyncIsWaitingForAPeer_EndsTheWaitWithObjectDisposed()
    {
        var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        var sending = push.SendAsync(Support.Sockets.Utf8("never")).AsTask();

        await push.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(sending);
    }

    [Fact]
    public async Task ReceiveAsync_WhenSocketDisposed_ThrowsObjectDisposed()
    {
        var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        var receiving = pull.ReceiveAsync().AsTask();

        await pull.DisposeAsync();

        await Should.ThrowAsync<ObjectDisposedException>(receiving);
        (await pull.WaitToReceiveAsync()).ShouldBeFalse();
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public void TrySend_WhenSocketOnlyReceives_Throws()
    {
        using var pull = new ZmqSocket(ZmqSocketType.Pull);
        Should.Throw<NotSupportedException>(() => pull.TrySend(Support.Sockets.Utf8("x")));
    }
}
