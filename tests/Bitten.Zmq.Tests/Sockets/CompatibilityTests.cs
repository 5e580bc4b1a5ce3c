using Bitten.Zmq.Tests.Support;

namespace Bitten.Zmq.Tests.Sockets;

public sealed class CompatibilityTests
{
    [Theory]
    [InlineData(ZmqSocketType.Pub, ZmqSocketType.Push)]
    [InlineData(ZmqSocketType.Pull, ZmqSocketType.Pull)]
    [InlineData(ZmqSocketType.Router, ZmqSocketType.Push)]
    [InlineData(ZmqSocketType.Sub, ZmqSocketType.Sub)]
    public async Task Connect_WhenSocketTypesIncompatible_BothSidesRefuseAndCount(ZmqSocketType bound, ZmqSocketType connecting)
    {
        await using var server = new ZmqSocket(bound, Support.Sockets.Fast());
        var port = server.Bind("tcp://127.0.0.1:0");
        await using var client = new ZmqSocket(connecting, Support.Sockets.Fast());
        client.Connect($"tcp://127.0.0.1:{port}");

        await Wait.UntilAsync(() => server.GetMetrics().DropsFor(ZmqDropReason.IncompatibleSocketType) > 0, Support.Sockets.Timeout, "the server refused the peer");
        await Wait.UntilAsync(
            () => client.GetMetrics() is var m && m.DropsFor(ZmqDropReason.IncompatibleSocketType) + m.DropsFor(ZmqDropReason.PeerError) > 0,
            Support.Sockets.Timeout,
            "the client refused or was refused");
        server.GetMetrics().PeersConnected.ShouldBe(0);
        client.GetMetrics().PeersConnected.ShouldBe(0);
    }
}
