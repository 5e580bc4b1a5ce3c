using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Robustness;

/// <summary>Bad input closes only the offending connection, is counted, and never stops the socket serving others.</summary>
public sealed class BadPeerTests : IAsyncLifetime
{
    private ZmqSocket _pull = null!;
    private ZmqSocket _goodPeer = null!;
    private int _port;
    private int _served;

    public async Task InitializeAsync()
    {
        _pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o =>
        {
            o.HandshakeTimeout = TimeSpan.FromSeconds(1);
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(200);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(1);
        }));
        _port = _pull.Bind("tcp://127.0.0.1:0");
        _goodPeer = new ZmqSocket(ZmqSocketType.Push, Support.Sockets.Fast());
        _goodPeer.Connect($"tcp://127.0.0.1:{_port}");
        await AssertGoodPeerServedAsync();
    }

    public async Task DisposeAsync()
    {
        await _goodPeer.DisposeAsync();
        await _pull.DisposeAsync();
    }

    [Fact]
    public async Task Connect_WhenGreetingIsGarbage_DropsPeerAndCountsBadGreeting()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        await raw.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.BadGreeting);
    }

    [Fact]
    public async Task Connect_WhenPeerSendsNothing_DropsAfterHandshakeTimeout()
    {
        using var raw = await RawPeer.ConnectAsync(_port);

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.HandshakeTimeout);
    }

    [Fact]
    public async Task Receive_WhenFrameAnnounces2Pow62Bytes_DropsWithoutAllocatingAndCounts()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), ZmtpBytes.LongHeader(1UL << 62), new byte[100]);

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.MessageTooLarge);
        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(16L * 1024 * 1024);
    }

    [Fact]
    public async Task Receive_WhenFrameJustOverMaxMessageBytes_DropsPeer()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), ZmtpBytes.LongHeader((64 * 1024) + 1));

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.MessageTooLarge);
    }

    [Fact]
    public async Task Receive_WhenFrameTruncatedByClose_DiscardsPartialAndCounts()
    {
        using (var raw = await RawPeer.ConnectAsync(_port))
        {
            await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), ZmtpBytes.Frame("first", more: true), [0x00, 100, 1, 2, 3]);
            await _pull.WaitForPeersAsync(2);
        }

        await AssertDroppedAsync(ZmqDropReason.Truncated);
        _pull.GetMetrics().MessagesReceived.ShouldBe(_served);
    }

    [Fact]
    public async Task Receive_WhenMessageHasMoreFramesThanAllowed_DropsPeer()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        var frames = Enumerable.Range(0, 65).Select(_ => ZmtpBytes.Frame("x", more: true)).ToArray();
        await raw.SendAsync([ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), .. frames]);

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.MessageTooLarge);
    }

    [Fact]
    public async Task Receive_WhenReservedFlagBitsSet_DropsAsProtocolError()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), [0x80, 1, 0]);

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.ProtocolError);
    }

    [Fact]
    public async Task Handshake_WhenFirstCommandIsNotReady_DropsAsProtocolError()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Frame("not a command"));

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.ProtocolError);
    }

    [Fact]
    public async Task Heartbeat_WhenPeerStopsAnswering_DropsAfterTimeoutAndCounts()
    {
        using var raw = await RawPeer.ConnectAsync(_port);
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"));
        await _pull.WaitForPeersAsync(2);

        (await raw.IsClosedByPeerAsync()).ShouldBeTrue();
        await AssertDroppedAsync(ZmqDropReason.HeartbeatTimeout);
    }

    [Fact]
    public async Task Heartbeat_WhenPeerIsOurSocket_AnswersPingsAndStaysConnected()
    {
        var before = _pull.GetMetrics().DropsFor(ZmqDropReason.HeartbeatTimeout);

        await Wait.UntilAsync(() => _pull.Counters.PongsReceived >= 3, Support.Sockets.Timeout, "three PONGs came back");

        _pull.GetMetrics().DropsFor(ZmqDropReason.HeartbeatTimeout).ShouldBe(before);
        await AssertGoodPeerServedAsync();
    }

    [Fact]
    public async Task Connect_When1000ConnectDisconnectCycles_CountsEachAndStaysBounded()
    {
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < 1000; i++)
        {
            using var raw = await RawPeer.ConnectAsync(_port);
        }

        await Wait.UntilAsync(() => _pull.GetMetrics().DropsFor(ZmqDropReason.HandshakeIncomplete) == 1000, Support.Sockets.Timeout, "all 1000 connections were counted");
        await AssertGoodPeerServedAsync();
        _pull.GetMetrics().PeersConnected.ShouldBe(1);
        (GC.GetTotalMemory(forceFullCollection: true) - memoryBefore).ShouldBeLessThan(32L * 1024 * 1024);
    }

    private async Task AssertDroppedAsync(ZmqDropReason reason)
    {
        await Wait.UntilAsync(() => _pull.GetMetrics().DropsFor(reason) >= 1, Support.Sockets.Timeout, $"a {reason} drop is counted");
        await AssertGoodPeerServedAsync();
    }

    private async Task AssertGoodPeerServedAsync()
    {
        await _goodPeer.SendAsync(Support.Sockets.Utf8("still served"));
        _served++;
        (await _pull.ReceiveStringsAsync()).ShouldBe(["still served"]);
    }
}
