using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Protocol;

/// <summary>Raw peers replaying libzmq's captured octets, including ZMTP 3.0 peers, against our sockets.</summary>
public sealed class CaptureReplayTests
{
    [Fact]
    public async Task Pub_WhenLibzmqSub31Replayed_SendsGreetingReadyAndFiltersByCapturedSubscribe()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast());
        var port = pub.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(WireCaptures.Get("libzmq SUB greeting"), WireCaptures.Get("libzmq SUB READY"));

        (await raw.ReceiveExactlyAsync(64)).ShouldBe(WireCaptures.Get("our greeting"));
        var ready = WireCaptures.Get("our READY (Socket-Type=PUB)");
        (await raw.ReceiveExactlyAsync(ready.Length)).ShouldBe(ready);

        await raw.SendAsync(WireCaptures.Get("libzmq SUB -> 3.1 peer: SUBSCRIBE command for topic EURUSD"));
        await Wait.UntilAsync(() => pub.Peers.Count == 1 && pub.Peers[0].Subscriptions.Matches("EURUSD"u8), Support.Sockets.Timeout, "the SUBSCRIBE applied");
        pub.TrySend("GBPUSD"u8, "filtered"u8).ShouldBe(ZmqSendResult.Sent);
        pub.TrySend("EURUSD"u8, "1.08123;1.08125"u8).ShouldBe(ZmqSendResult.Sent);

        var expected = WireCaptures.Get("our 2-frame message");
        (await raw.ReceiveExactlyAsync(expected.Length)).ShouldBe(expected);
    }

    [Fact]
    public async Task Pub_WhenZmtp30SubReplayed_AcceptsMessageFormSubscribeAndCancel()
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, Support.Sockets.Fast());
        var port = pub.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(ZmtpBytes.Greeting(minor: 0), WireCaptures.Get("libzmq SUB READY"), WireCaptures.Get("libzmq SUB -> 3.0 peer: subscription"));
        await raw.ReceiveExactlyAsync(64 + WireCaptures.Get("our READY (Socket-Type=PUB)").Length);
        await pub.WaitForPeersAsync(1);

        var expected = WireCaptures.Get("our 2-frame message");
        await Wait.UntilAsync(() => pub.Peers[0].Subscriptions.Matches("EURUSD"u8), Support.Sockets.Timeout, "the 3.0 subscription applied");
        pub.TrySend("EURUSD"u8, "1.08123;1.08125"u8).ShouldBe(ZmqSendResult.Sent);
        (await raw.ReceiveExactlyAsync(expected.Length)).ShouldBe(expected);

        await raw.SendAsync(WireCaptures.Get("libzmq SUB -> 3.0 peer: unsubscription"));
        await Wait.UntilAsync(() => !pub.Peers[0].Subscriptions.Matches("EURUSD"u8), Support.Sockets.Timeout, "the 3.0 cancel applied");
    }

    [Fact]
    public async Task Sub_WhenLibzmqPubReplayed_SubscribesWith31CommandAndReceivesFrames()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, Support.Sockets.Fast());
        sub.Subscribe("EUR");
        sub.Connect($"tcp://127.0.0.1:{port}");
        using var client = await listener.AcceptSocketAsync();
        await client.SendAsync(WireCaptures.Get("libzmq PUB greeting"));
        await client.SendAsync(WireCaptures.Get("libzmq PUB READY"));

        var expectedIn = WireCaptures.Get("our greeting").Length + WireCaptures.Get("libzmq SUB READY").Length + WireCaptures.Get("our SUBSCRIBE command for prefix EUR").Length;
        var received = new byte[expectedIn];
        var read = 0;
        using (var timeout = new CancellationTokenSource(Support.Sockets.Timeout))
        {
            while (read < expectedIn)
            {
                read += await client.ReceiveAsync(received.AsMemory(read), System.Net.Sockets.SocketFlags.None, timeout.Token);
            }
        }

        received.ShouldBe([.. WireCaptures.Get("our greeting"), .. WireCaptures.Get("libzmq SUB READY"), .. WireCaptures.Get("our SUBSCRIBE command for prefix EUR")]);
        foreach (var i in new[] { 0, 1, 2, 3 })
        {
            await client.SendAsync(WireCaptures.Get($"libzmq PUB data frame {i}"));
        }

        (await sub.ReceiveStringsAsync()).ShouldBe(["EURUSD", "1.1"]);
        (await sub.ReceiveStringsAsync()).ShouldBe(["EURJPY", "160.1"]);
    }

    [Fact]
    public async Task Sub_WhenPeerAnnouncesZmtp30_SubscribesWithMessageFormAsLibzmqDoes()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        await using var sub = new ZmqSocket(ZmqSocketType.Sub, Support.Sockets.Fast());
        sub.Subscribe("EURUSD");
        sub.Connect($"tcp://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}");
        using var client = await listener.AcceptSocketAsync();
        await client.SendAsync(ZmtpBytes.Greeting(minor: 0));
        await client.SendAsync(WireCaptures.Get("libzmq PUB READY"));

        var subscription = WireCaptures.Get("libzmq SUB -> 3.0 peer: subscription");
        var expected = 64 + WireCaptures.Get("libzmq SUB READY").Length + subscription.Length;
        var received = new byte[expected];
        var read = 0;
        using var timeout = new CancellationTokenSource(Support.Sockets.Timeout);
        while (read < expected)
        {
            read += await client.ReceiveAsync(received.AsMemory(read), System.Net.Sockets.SocketFlags.None, timeout.Token);
        }

        received[^subscription.Length..].ShouldBe(subscription);
    }

    [Fact]
    public async Task Router_WhenPeerClaimsAnIdStartingWithZero_GetsAGeneratedIdInstead()
    {
        await using var router = new ZmqSocket(ZmqSocketType.Router, Support.Sockets.Fast());
        var port = router.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("DEALER", "\0abcd"), ZmtpBytes.Frame("hi"));

        using var message = await router.ReceiveWithinAsync();
        message[0].Length.ShouldBe(5);
        message[0].SequenceEqual("\0abcd"u8).ShouldBeFalse();
    }

    [Fact]
    public async Task Ping_WhenLibzmqStylePingArrives_AnswersPongWithContext()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast());
        var port = pull.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), WireCaptures.Get("our PING"));
        await raw.ReceiveExactlyAsync(64 + 2 + 0x1a);

        var pong = WireCaptures.Get("libzmq PONG");
        (await raw.ReceiveExactlyAsync(pong.Length)).ShouldBe(pong);
    }
}
