using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Robustness;

public sealed class HeartbeatTtlTests
{
    [Fact]
    public async Task Heartbeat_WhenPeerAdvertisedTtlPassesInSilence_DropsPeerBeforeOurOwnTimeout()
    {
        await using var pull = new ZmqSocket(ZmqSocketType.Pull, Support.Sockets.Fast(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(100);
            o.HeartbeatTimeout = TimeSpan.FromMinutes(5);
        }));
        var port = pull.Bind("tcp://127.0.0.1:0");
        using var raw = await RawPeer.ConnectAsync(port);

        // PING with TTL 5 deciseconds, then silence: the peer told us to give up on it after 0.5 s
        await raw.SendAsync(ZmtpBytes.Greeting(), ZmtpBytes.Ready("PUSH"), [0x04, 0x07, 0x04, .. "PING"u8, 0x00, 0x05]);

        (await raw.IsClosedByPeerAsync(timeoutSeconds: 60)).ShouldBeTrue();
        pull.GetMetrics().DropsFor(ZmqDropReason.HeartbeatTimeout).ShouldBe(1);
    }
}
