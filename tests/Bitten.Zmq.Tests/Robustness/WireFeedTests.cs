using Bitten.Zmq.Protocol;
using Bitten.Zmq.Transport;

namespace Bitten.Zmq.Tests.Robustness;

/// <summary>Octets fed through a peer's real handshake and read loop by <see cref="BufferWire"/> (the fuzzer's seam).</summary>
public sealed class WireFeedTests
{
    private static readonly byte[] LibzmqGreeting = Convert.FromHexString(
        "ff00000000000000017f03014e554c4c000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000");

    [Fact]
    public void DropReasons_AreDistinct_SoEachIsExportedUnderItsOwnName()
    {
        var values = Enum.GetValues<ZmqDropReason>().Select(r => (int)r).ToList();

        values.ShouldBeUnique();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(65536)]
    public async Task Feed_WhenThePeerSendsError_CountsPeerErrorWhateverTheReadSizes(int chunk)
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { HeartbeatInterval = TimeSpan.Zero });
        byte[] wire = [.. LibzmqGreeting, .. Zmtp.Ready(ZmqSocketType.Push, default), .. Zmtp.Error("go away")];

        await new ZmqPeer(socket, new BufferWire(wire, chunk)).RunAsync();

        var metrics = socket.GetMetrics();
        metrics.DropsFor(ZmqDropReason.PeerError).ShouldBe(1);
        metrics.Drops.Keys.Select(k => k.ToString()).ShouldBe(["PeerError"]);
    }

    [Fact]
    public async Task Feed_WhenAWholeMessageThenACleanEnd_DeliversItWithoutADrop()
    {
        await using var socket = new ZmqSocket(ZmqSocketType.Pull, new ZmqSocketOptions { HeartbeatInterval = TimeSpan.Zero });
        byte[] wire = [.. LibzmqGreeting, .. Zmtp.Ready(ZmqSocketType.Push, default), 0x01, 0x01, (byte)'a', 0x00, 0x02, (byte)'b', (byte)'c'];

        await new ZmqPeer(socket, new BufferWire(wire, 2)).RunAsync();

        socket.TryReceive(out var message).ShouldBeTrue();
        using (message)
        {
            message.FrameCount.ShouldBe(2);
            message[1].ToArray().ShouldBe("bc"u8.ToArray());
        }

        socket.GetMetrics().Drops.ShouldBeEmpty();
    }
}
