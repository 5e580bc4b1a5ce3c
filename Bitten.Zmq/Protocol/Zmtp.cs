using System.Buffers.Binary;
using System.Text;

namespace Bitten.Zmq.Protocol;

/// <summary>ZMTP 3.x wire constants and encoders (RFC 23 / RFC 37), NULL mechanism only.</summary>
internal static class Zmtp
{
    public const int GreetingLength = 64;
    public const byte FlagMore = 0x01;
    public const byte FlagLong = 0x02;
    public const byte FlagCommand = 0x04;
    public const byte ReservedFlags = 0xF8;

    /// <summary>Our greeting: signature, version 3.1, mechanism NULL, as-server 0 (NULL never sets it).</summary>
    public static ReadOnlySpan<byte> Greeting =>
    [
        0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0x7F, 3, 1,
        (byte)'N', (byte)'U', (byte)'L', (byte)'L', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    public static int HeaderLength(long bodyLength) => bodyLength <= 255 ? 2 : 9;

    /// <summary>Writes a frame header; returns its length.</summary>
    public static int WriteHeader(Span<byte> destination, long bodyLength, bool more, bool command)
    {
        var flags = (byte)((more ? FlagMore : 0) | (command ? FlagCommand : 0));
        if (bodyLength <= 255)
        {
            destination[0] = flags;
            destination[1] = (byte)bodyLength;
            return 2;
        }

        destination[0] = (byte)(flags | FlagLong);
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], (ulong)bodyLength);
        return 9;
    }

    /// <summary>Checks the first 10 octets (signature) of a peer greeting.</summary>
    public static bool IsSignature(ReadOnlySpan<byte> first10) => first10[0] == 0xFF && (first10[9] & 0x01) == 0x01;

    /// <summary>Validates a full greeting; returns null when acceptable, else the reason.</summary>
    public static ZmqDropReason? CheckGreeting(ReadOnlySpan<byte> greeting, out int minor)
    {
        minor = greeting[11];
        if (!IsSignature(greeting) || greeting[10] < 3)
        {
            return ZmqDropReason.BadGreeting;
        }

        if (greeting[10] > 3)
        {
            minor = 1;
        }

        var mechanism = greeting.Slice(12, 20);
        ReadOnlySpan<byte> expected = "NULL"u8;
        if (!mechanism[..4].SequenceEqual(expected) || mechanism[4..].ContainsAnyExcept((byte)0))
        {
            return ZmqDropReason.MechanismMismatch;
        }

        return null;
    }

    /// <summary>Encodes a whole command frame (header + name + data).</summary>
    public static byte[] Command(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data)
    {
        var body = 1 + name.Length + data.Length;
        var frame = new byte[HeaderLength(body) + body];
        var offset = WriteHeader(frame, body, more: false, command: true);
        frame[offset++] = (byte)name.Length;
        name.CopyTo(frame.AsSpan(offset));
        data.CopyTo(frame.AsSpan(offset + name.Length));
        return frame;
    }

    public static byte[] Ready(ZmqSocketType type, ReadOnlySpan<byte> identity)
    {
        var typeName = Encoding.ASCII.GetBytes(SocketTypes.Name(type));
        var properties = new List<byte>(64);
        AppendProperty(properties, "Socket-Type"u8, typeName);
        if (!identity.IsEmpty && (type is ZmqSocketType.Dealer or ZmqSocketType.Router))
        {
            AppendProperty(properties, "Identity"u8, identity);
        }

        return Command("READY"u8, [.. properties]);
    }

    public static byte[] Error(string reason)
    {
        var text = Encoding.ASCII.GetBytes(reason.Length > 255 ? reason[..255] : reason);
        return Command("ERROR"u8, [(byte)text.Length, .. text]);
    }

    public static byte[] Ping(ushort ttlDeciseconds, ReadOnlySpan<byte> context)
    {
        Span<byte> data = stackalloc byte[2 + context.Length];
        BinaryPrimitives.WriteUInt16BigEndian(data, ttlDeciseconds);
        context.CopyTo(data[2..]);
        return Command("PING"u8, data);
    }

    /// <summary>A subscription in the form the peer understands: 3.1 command, or 3.0 message (0x01/0x00 + topic).</summary>
    public static byte[] Subscription(bool subscribe, ReadOnlySpan<byte> topic, int peerMinor)
    {
        if (peerMinor >= 1)
        {
            return Command(subscribe ? "SUBSCRIBE"u8 : "CANCEL"u8, topic);
        }

        var body = 1 + topic.Length;
        var frame = new byte[HeaderLength(body) + body];
        var offset = WriteHeader(frame, body, more: false, command: false);
        frame[offset] = subscribe ? (byte)1 : (byte)0;
        topic.CopyTo(frame.AsSpan(offset + 1));
        return frame;
    }

    /// <summary>Splits a command body into name and data; false when malformed.</summary>
    public static bool TrySplitCommand(ReadOnlySpan<byte> body, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> data)
    {
        name = data = default;
        if (body.IsEmpty || body[0] == 0 || body.Length < 1 + body[0])
        {
            return false;
        }

        name = body.Slice(1, body[0]);
        data = body[(1 + body[0])..];
        return true;
    }

    /// <summary>Reads READY properties; false when malformed. Names compare case-insensitively.</summary>
    public static bool TryReadProperties(ReadOnlySpan<byte> data, out string? socketType, out byte[]? identity)
    {
        socketType = null;
        identity = null;
        while (!data.IsEmpty)
        {
            var nameLength = data[0];
            if (nameLength == 0 || data.Length < 1 + nameLength + 4)
            {
                return false;
            }

            var name = data.Slice(1, nameLength);
            var valueLength = BinaryPrimitives.ReadUInt32BigEndian(data[(1 + nameLength)..]);
            var rest = data[(1 + nameLength + 4)..];
            if (valueLength > (uint)rest.Length)
            {
                return false;
            }

            var value = rest[..(int)valueLength];
            if (Ascii.EqualsIgnoreCase(name, "Socket-Type"u8))
            {
                socketType = Encoding.ASCII.GetString(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Identity"u8))
            {
                if (value.Length > 255)
                {
                    return false;
                }

                identity = value.ToArray();
            }

            data = rest[(int)valueLength..];
        }

        return true;
    }

    private static void AppendProperty(List<byte> target, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        target.Add((byte)name.Length);
        target.AddRange(name);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        target.AddRange(length);
        target.AddRange(value);
    }
}
