using System.Globalization;
using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Interop;

/// <summary>Our sockets against real libzmq 4.x peers (python3-zmq), one pair per socket type.</summary>
public sealed class LibzmqInteropTests
{
    private const int Many = 10_000;
    private const int OneMiB = 1024 * 1024;

    [LibzmqFact]
    public async Task OurPull_WhenLibzmqPushSends_ReceivesMultiFrameInOrderAndOneMiB()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o => o.MaxMessageBytes = 2 * OneMiB));
        var port = pull.Bind("tcp://127.0.0.1:0");
        await using var python = await PythonPeer.StartAsync("push", $"tcp://127.0.0.1:{port}", $"{Many}", "0", "big");

        await ReceiveSequenceAsync(pull, 0, Many);
        using (var big = await pull.ReceiveWithinAsync())
        {
            big.FrameCount.ShouldBe(1);
            big[0].Length.ShouldBe(OneMiB);
            big[0].ContainsAnyExcept((byte)7).ShouldBeFalse();
        }

        await python.ExpectAsync("OK");
        (await python.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurPush_WhenLibzmqPullReceives_DeliversInOrderAndOneMiB()
    {
        await using var python = await PythonPeer.StartAsync("pull", "tcp://127.0.0.1:*", "bind", $"{Many}", "big");
        var port = await python.BoundPortAsync();
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");

        for (var i = 0; i < Many; i++)
        {
            await push.SendAsync(Support.Sockets.Utf8("m"), Support.Sockets.Utf8(i.ToString(CultureInfo.InvariantCulture)));
        }

        await push.SendAsync(Enumerable.Repeat((byte)7, OneMiB).ToArray());

        (await python.ExpectAsync("OK")).ShouldBe($"OK {Many - 1}");
        (await python.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurPub_WhenLibzmqSubSubscribesToPrefix_SendsOnlyMatchingTopics()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast());
        var port = pub.Bind("tcp://127.0.0.1:0");
        await using var python = await PythonPeer.StartAsync("sub", $"tcp://127.0.0.1:{port}", "signal.EUR", "100");

        var seq = 0;
        await Wait.UntilAsync(
            () =>
            {
                for (var i = 0; i < 20; i++, seq++)
                {
                    var body = Support.Sockets.Utf8(seq.ToString(CultureInfo.InvariantCulture));
                    pub.TrySend(Support.Sockets.Utf8("signal.GBPUSD"), body);
                    pub.TrySend(Support.Sockets.Utf8("signal.EURUSD"), body);
                }

                return python.HasExited;
            },
            Support.Sockets.Timeout,
            "the libzmq SUB received 100 EURUSD messages");

        (await python.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurSub_WhenLibzmqPubPublishes_ReceivesOnlySubscribedTopicInOrder()
    {
        await using var python = await PythonPeer.StartAsync("pub", "tcp://127.0.0.1:*");
        var port = await python.BoundPortAsync();
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, Support.Sockets.Fast());
        sub.Subscribe("EURUSD");
        sub.Connect($"tcp://127.0.0.1:{port}");

        var last = -1;
        for (var i = 0; i < 200; i++)
        {
            var frames = await sub.ReceiveStringsAsync();
            frames[0].ShouldBe("EURUSD");
            var seq = int.Parse(frames[1], CultureInfo.InvariantCulture);
            seq.ShouldBeGreaterThan(last);
            last = seq;
        }
    }

    [LibzmqFact]
    public async Task OurRouter_WhenLibzmqDealerWithRoutingId_ReceivesIdAndRoutesReplies()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        await using var python = await PythonPeer.StartAsync("dealer", $"tcp://127.0.0.1:{port}", "ea-42", "1000");

        await EchoAsRouterAsync(router, "ea-42", 1000);

        await python.ExpectAsync("OK");
        (await python.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurDealer_WhenLibzmqRouterEchoes_SendsRoutingIdAndGetsMultiFrameRepliesAndOneMiB()
    {
        await using var python = await PythonPeer.StartAsync("router", "tcp://127.0.0.1:*");
        var port = await python.BoundPortAsync();
        await using var dealer = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast(o =>
        {
            o.RoutingId = Support.Sockets.Utf8("ea-9");
            o.MaxMessageBytes = 2 * OneMiB;
        }));
        dealer.Connect($"tcp://127.0.0.1:{port}");

        for (var i = 0; i < 1000; i++)
        {
            var seq = i.ToString(CultureInfo.InvariantCulture);
            using (var request = ZmqMessage.Create("a", "b", seq))
            {
                await dealer.SendAsync(request);
            }

            (await dealer.ReceiveStringsAsync()).ShouldBe(["a", "b", seq]);
        }

        await dealer.SendAsync(new byte[OneMiB]);
        using var big = await dealer.ReceiveWithinAsync();
        big[0].Length.ShouldBe(OneMiB);
    }

    [LibzmqFact]
    public async Task OurPull_WhenLibzmqPushRestarts_KeepsReceivingFromTheNewProcess()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        var port = pull.Bind("tcp://127.0.0.1:0");

        await using (var first = await PythonPeer.StartAsync("push", $"tcp://127.0.0.1:{port}", "100", "0"))
        {
            await ReceiveSequenceAsync(pull, 0, 100);
            (await first.WaitForExitAsync()).ShouldBe(0);
        }

        await using var second = await PythonPeer.StartAsync("push", $"tcp://127.0.0.1:{port}", "100", "100");
        await ReceiveSequenceAsync(pull, 100, 100);
        (await second.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurRouter_WhenLibzmqDealerRestartsWithSameRoutingId_RoutesToTheNewConnection()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        await using (var first = await PythonPeer.StartAsync("dealer", $"tcp://127.0.0.1:{port}", "ea-42", "10"))
        {
            await EchoAsRouterAsync(router, "ea-42", 10);
            (await first.WaitForExitAsync()).ShouldBe(0);
        }

        await using var second = await PythonPeer.StartAsync("dealer", $"tcp://127.0.0.1:{port}", "ea-42", "10");
        await EchoAsRouterAsync(router, "ea-42", 10);
        (await second.WaitForExitAsync()).ShouldBe(0);
    }

    [LibzmqFact]
    public async Task OurPush_WhenLibzmqPullRestarts_ReconnectsAndDeliversToTheNewProcess()
    {
        var first = await PythonPeer.StartAsync("pull", "tcp://127.0.0.1:*", "bind", "100");
        var port = await first.BoundPortAsync();
        await using var push = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        push.Connect($"tcp://127.0.0.1:{port}");
        using var stop = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await push.SendAsync(Support.Sockets.Utf8("m"), Support.Sockets.Utf8(i.ToString(CultureInfo.InvariantCulture)), stop.Token);
                if (i % 50 == 0)
                {
                    await Task.Yield();
                }
            }
        });

        try
        {
            await first.ExpectAsync("OK");
            (await first.WaitForExitAsync()).ShouldBe(0);
            await first.DisposeAsync();
            await using var second = await PythonPeer.StartAsync("pull", $"tcp://127.0.0.1:{port}", "bind", "100");
            await second.ExpectAsync("OK");
            (await second.WaitForExitAsync()).ShouldBe(0);
        }
        finally
        {
            await stop.CancelAsync();
            await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task ReceiveSequenceAsync(ZmqSocket pull, int first, int count)
    {
        for (var i = first; i < first + count; i++)
        {
            using var message = await pull.ReceiveWithinAsync();
            message.FrameCount.ShouldBe(2);
            message.GetString(0).ShouldBe("m");
            message.GetString(1).ShouldBe(i.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static async Task EchoAsRouterAsync(ZmqSocket router, string routingId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var frames = await router.ReceiveStringsAsync();
            frames.ShouldBe([routingId, "req", i.ToString(CultureInfo.InvariantCulture)]);
            using var reply = ZmqMessage.Create(routingId, "rep", frames[2]);
            await router.SendAsync(reply);
        }
    }
}
