using Bitten.Zmq.Protocol;
using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Protocol;

/// <summary>Our encoder against the octets libzmq 4.3.4 put on the wire (tests/data/zeromq).</summary>
public sealed class WireCaptureTests
{
    [Fact]
    public void Greeting_WhenEncoded_MatchesCapture() =>
        Zmtp.Greeting.ToArray().ShouldBe(WireCaptures.Get("our greeting"));

    [Fact]
    public void Ready_WhenPub_MatchesCapture() =>
        Zmtp.Ready(ZmqSocketType.Pub, default).ShouldBe(WireCaptures.Get("our READY (Socket-Type=PUB)"));

    [Fact]
    public void Ready_WhenSubWithoutIdentity_MatchesLibzmq() =>
        Zmtp.Ready(ZmqSocketType.Sub, default).ShouldBe(WireCaptures.Get("libzmq SUB READY"));

    [Fact]
    public void Ready_WhenDealerWithIdentity_MatchesLibzmq() =>
        Zmtp.Ready(ZmqSocketType.Dealer, "mt5-bridge"u8).ShouldBe(WireCaptures.Get("libzmq DEALER READY"));

    [Fact]
    public void Subscription_WhenPeerIs31_IsSubscribeCommand() =>
        Zmtp.Subscription(subscribe: true, "EUR"u8, peerMinor: 1).ShouldBe(WireCaptures.Get("our SUBSCRIBE command for prefix EUR"));

    [Fact]
    public void Subscription_WhenPeerIs31_CancelMatchesLibzmq() =>
        Zmtp.Subscription(subscribe: false, "EURUSD"u8, peerMinor: 1).ShouldBe(WireCaptures.Get("libzmq SUB -> 3.1 peer: CANCEL"));

    [Fact]
    public void Subscription_WhenPeerIs30_IsMessageFrames()
    {
        Zmtp.Subscription(subscribe: true, "EURUSD"u8, peerMinor: 0).ShouldBe(WireCaptures.Get("libzmq SUB -> 3.0 peer: subscription"));
        Zmtp.Subscription(subscribe: false, "EURUSD"u8, peerMinor: 0).ShouldBe(WireCaptures.Get("libzmq SUB -> 3.0 peer: unsubscription"));
    }

    [Fact]
    public void Ping_WhenEncoded_MatchesCapture() =>
        Zmtp.Ping(0, "ctx1"u8).ShouldBe(WireCaptures.Get("our PING"));

    [Fact]
    public void Encode_WhenTwoFrames_MatchesCaptureWithMoreFlag()
    {
        var wire = Transport.OutboundBuffer.Encode("EURUSD"u8, "1.08123;1.08125"u8, 2);
        wire.Memory.ToArray().ShouldBe(WireCaptures.Get("our 2-frame message"));
        wire.Release();
    }

    [Fact]
    public void Encode_WhenFrameOver255_UsesLongHeader()
    {
        var wire = Transport.OutboundBuffer.Encode(new byte[300], default, 1);
        wire.Memory.Span[..9].ToArray().ShouldBe(ZmtpBytes.LongHeader(300));
        wire.Release();
    }

    [Fact]
    public void CheckGreeting_WhenLibzmqGreetings_AcceptsWithMinor()
    {
        Zmtp.CheckGreeting(WireCaptures.Get("libzmq SUB greeting"), out var minor).ShouldBeNull();
        minor.ShouldBe(1);
        Zmtp.CheckGreeting(ZmtpBytes.Greeting(minor: 0), out minor).ShouldBeNull();
        minor.ShouldBe(0);
    }

    [Fact]
    public void CheckGreeting_WhenMechanismIsPlain_RejectsAsMechanismMismatch()
    {
        var greeting = ZmtpBytes.Greeting();
        "PLAIN"u8.CopyTo(greeting.AsSpan(12));
        Zmtp.CheckGreeting(greeting, out _).ShouldBe(ZmqDropReason.MechanismMismatch);
    }

    [Fact]
    public void TryReadProperties_WhenLibzmqDealerReady_ReadsTypeAndIdentity()
    {
        var ready = WireCaptures.Get("libzmq DEALER READY");
        Zmtp.TrySplitCommand(ready.AsSpan(2), out var name, out var data).ShouldBeTrue();
        name.ToArray().ShouldBe("READY"u8.ToArray());
        Zmtp.TryReadProperties(data, out var type, out var identity).ShouldBeTrue();
        type.ShouldBe("DEALER");
        identity.ShouldBe("mt5-bridge"u8.ToArray());
    }

    [Fact]
    public void TryReadProperties_WhenValueLengthOverruns_ReturnsFalse() =>
        Zmtp.TryReadProperties([4, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 0x7F, 0xFF, 0xFF, 0xFF, 1], out _, out _).ShouldBeFalse();
}
