using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Robustness;

public sealed class ChurnTests
{
    [Fact]
    public async Task Router_When200PeersHandshakeAndLeave_ForgetsTheirRoutesAndKeepsServing()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        await using var steady = new ZmqSocket(ZmqSocketType.Dealer, Support.Sockets.Fast(o => o.RoutingId = Support.Sockets.Utf8("steady")));
        steady.Connect($"tcp://127.0.0.1:{port}");
        await router.WaitForPeersAsync(1);

        for (var i = 0; i < 200; i++)
        {
            using var raw = await RawPeer.ConnectAsync(port);
            await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("DEALER", $"ea-{i % 20}"), ZmtpBytes.Frame("hello"));
            await raw.ReceiveExactlyAsync(64);
        }

        await Wait.UntilAsync(() => router.GetMetrics().PeersConnected == 1 && router.Peers.Count == 1, Support.Sockets.Timeout, "only the steady peer remains");
        router.TrySend(Support.Sockets.Utf8("ea-3"), Support.Sockets.Utf8("x")).ShouldBe(ZmqSendResult.UnknownRoutingId);
        await router.SendAsync(Support.Sockets.Utf8("steady"), Support.Sockets.Utf8("still here"));
        (await steady.ReceiveStringsAsync()).ShouldBe(["still here"]);
        while (router.TryReceive(out var hello))
        {
            hello.Dispose();
        }
    }
}
