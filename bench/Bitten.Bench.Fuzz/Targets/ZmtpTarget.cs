using System.Text.Json;
using Bitten.Bench.Fuzz.Engine;
using Bitten.Zmq;
using Bitten.Zmq.Protocol;
using Bitten.Zmq.Transport;

namespace Bitten.Bench.Fuzz.Targets;

/// <summary>
/// Bitten.Zmq's decoder: each input is what a peer sent on one TCP connection — greeting, READY, commands, message
/// frames — fed through a real <see cref="ZmqPeer"/> (handshake and read loop) over a <see cref="BufferWire"/>, in reads of a
/// variant-chosen size. The socket type is the one the input's READY can talk to (else the variant's). The reason is the
/// <see cref="ZmqDropReason"/> the socket counted for the connection; a connection that ends cleanly is accepted.
/// </summary>
internal sealed class ZmtpTarget : IFuzzTarget
{
    private static readonly ZmqSocketType[] Types = [ZmqSocketType.Pull, ZmqSocketType.Push, ZmqSocketType.Pub, ZmqSocketType.Sub, ZmqSocketType.Router, ZmqSocketType.Dealer];
    private static readonly int[] Chunks = [1, 2, 3, 7, 10, 64, 65, 4096, 1 << 20];
    private static readonly ZmqDropReason[] Reasons = [.. Enum.GetValues<ZmqDropReason>().Distinct()];
    private readonly Dictionary<ZmqSocketType, ZmqSocket> _sockets = [];
    private readonly long[] _before = new long[Reasons.Length];

    public ZmtpTarget()
    {
        foreach (var type in Types)
        {
            var socket = new ZmqSocket(type, new ZmqSocketOptions
            {
                Name = "fuzz-" + type.ToString().ToLowerInvariant(),
                HeartbeatInterval = TimeSpan.Zero,
                ReceiveHighWaterMark = int.MaxValue,
                Linger = TimeSpan.Zero,
                MaxMessageBytes = 64 * 1024,
            });
            if (type == ZmqSocketType.Sub)
            {
                socket.Subscribe("EUR");
            }

            _sockets[type] = socket;
        }

        Samples = [.. BuildSamples()];
    }

    public string Name => "zmtp";

    public IReadOnlyList<byte[]> Samples { get; }

    public IReadOnlyList<byte[]> Tokens { get; } =
    [
        Zmtp.Greeting.ToArray(), Zmtp.Greeting[..10].ToArray(), "NULL"u8.ToArray(), "PLAIN"u8.ToArray(), "CURVE"u8.ToArray(),
        "\u0005READY"u8.ToArray(), "\u0004PING"u8.ToArray(), "\u0004PONG"u8.ToArray(), "\u0005ERROR"u8.ToArray(), "\u0009SUBSCRIBE"u8.ToArray(),
        "\u0006CANCEL"u8.ToArray(), "\u000bSocket-Type"u8.ToArray(), "\u0008Identity"u8.ToArray(), "PUSH"u8.ToArray(), "DEALER"u8.ToArray(),
        [0x04], [0x06], [0x01], [0x02], [0x03], [0x05], [0x00, 0x00], [0x02, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF], [0x06, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        [0x00, 0x01, 0x00, 0x00], [0xFF, 0xFF, 0xFF, 0xFF], [0x03, 0x00], [0x03, 0x01], [0x04, 0x00], [0x7F],
    ];

    public string Run(byte[] input, ulong variant)
    {
        var type = PeerTypeIn(input) ?? Types[(int)(variant % (ulong)Types.Length)];
        var socket = _sockets[type];
        for (var r = 0; r < Reasons.Length; r++)
        {
            _before[r] = socket.Counters.Drops(Reasons[r]);
        }

        var peer = new ZmqPeer(socket, new BufferWire(input, Chunks[(int)((variant >> 8) % (ulong)Chunks.Length)]));
        peer.RunAsync().GetAwaiter().GetResult();
        while (socket.TryReceive(out var message))
        {
            message.Dispose();
        }

        for (var r = 0; r < Reasons.Length; r++)
        {
            if (socket.Counters.Drops(Reasons[r]) > _before[r])
            {
                return Reasons[r].ToString();
            }
        }

        return Outcome.Accepted;
    }

    public void Dispose()
    {
        foreach (var socket in _sockets.Values)
        {
            socket.Dispose();
        }
    }

    /// <summary>Our socket type that may talk to the Socket-Type announced in the input's first READY, if any.</summary>
    private static ZmqSocketType? PeerTypeIn(ReadOnlySpan<byte> input)
    {
        var at = input.IndexOf("Socket-Type"u8);
        if (at < 0 || input.Length < at + 11 + 4)
        {
            return null;
        }

        var value = input[(at + 15)..];
        return value.StartsWith("PUSH"u8) ? ZmqSocketType.Pull
            : value.StartsWith("PULL"u8) ? ZmqSocketType.Push
            : value.StartsWith("PUB"u8) ? ZmqSocketType.Sub
            : value.StartsWith("SUB"u8) ? ZmqSocketType.Pub
            : value.StartsWith("DEALER"u8) ? ZmqSocketType.Router
            : value.StartsWith("ROUTER"u8) ? ZmqSocketType.Dealer
            : null;
    }

    /// <summary>Whole conversations a peer could send: a libzmq greeting, its READY, then commands and messages.</summary>
    private static IEnumerable<byte[]> BuildSamples()
    {
        var captures = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var path = SampleFiles.Repo("tests", "data", "zeromq", "zmtp_wire_captures.json");
        using (var json = JsonDocument.Parse(File.ReadAllBytes(path)))
        {
            foreach (var frame in json.RootElement.GetProperty("frames").EnumerateArray())
            {
                captures[frame.GetProperty("what").GetString()!] = Convert.FromHexString(frame.GetProperty("hex").GetString()!);
            }
        }

        byte[] Capture(string prefix) => captures.First(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Value;
        var greeting = Capture("libzmq SUB greeting");
        var greeting30 = greeting.ToArray();
        greeting30[11] = 0;
        var message = Capture("our 2-frame message");
        byte[] longFrame = [0x02, 0, 0, 0, 0, 0, 0, 0x01, 0x2C, .. Enumerable.Repeat((byte)'x', 300)];
        var ping = Zmtp.Ping(300, "ctx1"u8);

        yield return [.. greeting, .. Capture("libzmq SUB READY"), .. Capture("libzmq SUB -> 3.1 peer: SUBSCRIBE"), .. ping, .. Capture("libzmq SUB -> 3.1 peer: CANCEL")];
        yield return [.. greeting30, .. Capture("libzmq SUB READY"), .. Capture("libzmq SUB -> 3.0 peer: subscription"), .. Capture("libzmq SUB -> 3.0 peer: unsubscription")];
        yield return [.. Capture("libzmq PUB greeting"), .. Capture("libzmq PUB READY"), .. message, .. Capture("libzmq PONG"),
            .. Capture("libzmq PUB data frame 0"), .. Capture("libzmq PUB data frame 1"), .. Capture("libzmq PUB data frame 2"), .. Capture("libzmq PUB data frame 3")];
        yield return [.. greeting, .. Capture("libzmq DEALER READY"), .. message, .. longFrame, .. ping];
        yield return [.. greeting, .. Zmtp.Ready(ZmqSocketType.Push, default), .. message, .. longFrame, .. Zmtp.Command("PONG"u8, "ctx1"u8)];
        yield return [.. greeting, .. Zmtp.Ready(ZmqSocketType.Pull, default), .. message];
        yield return [.. greeting, .. Zmtp.Ready(ZmqSocketType.Router, "r-1"u8), .. message, .. Zmtp.Error("bye")];
    }
}
