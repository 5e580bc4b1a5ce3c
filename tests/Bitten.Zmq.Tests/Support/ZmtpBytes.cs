using System.Buffers.Binary;
using System.Text;

namespace Bitten.Zmq.Tests.Support;

/// <summary>Hand-built ZMTP octets for raw peers (independent of the production encoder).</summary>
internal static class ZmtpBytes
{
    public static byte[] Greeting(byte minor = 1) =>
        [0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 3, minor, .. "NULL"u8, .. new byte[16], 0, .. new byte[31]];

    public static byte[] Ready(string socketType, string? identity = null)
    {
        var body = new List<byte> { 5 };
        body.AddRange("READY"u8.ToArray());
        AddProperty(body, "Socket-Type", Encoding.ASCII.GetBytes(socketType));
        if (identity is not null)
        {
            AddProperty(body, "Identity", Encoding.ASCII.GetBytes(identity));
        }

        return [0x04, (byte)body.Count, .. body];
    }

    public static byte[] Frame(string body, bool more = false) => Frame(Encoding.UTF8.GetBytes(body), more);

    public static byte[] Frame(byte[] body, bool more = false)
    {
        if (body.Length <= 255)
        {
            return [more ? (byte)1 : (byte)0, (byte)body.Length, .. body];
        }

        var header = new byte[9];
        header[0] = more ? (byte)3 : (byte)2;
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(1), (ulong)body.Length);
        return [.. header, .. body];
    }

    public static byte[] LongHeader(ulong size)
    {
        var header = new byte[9];
        header[0] = 2;
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(1), size);
        return header;
    }

    private static void AddProperty(List<byte> body, string name, byte[] value)
    {
        body.Add((byte)name.Length);
        body.AddRange(Encoding.ASCII.GetBytes(name));
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
        body.AddRange(length);
        body.AddRange(value);
    }
}
