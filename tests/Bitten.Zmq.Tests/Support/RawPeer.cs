using System.Net;
using System.Net.Sockets;

namespace Bitten.Zmq.Tests.Support;

/// <summary>A raw TCP client that writes exact octets, to replay captures and misbehave on purpose.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var peer = new RawPeer();
        await peer._socket.ConnectAsync(IPAddress.Loopback, port);
        return peer;
    }

    public async Task SendAsync(params byte[][] chunks)
    {
        foreach (var chunk in chunks)
        {
            await _socket.SendAsync(chunk);
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> octets (fails on timeout or end of stream).</summary>
    public async Task<byte[]> ReceiveExactlyAsync(int count, int timeoutSeconds = 10)
    {
        var buffer = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var read = 0;
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
            if (n == 0)
            {
                throw new IOException($"connection closed after {read} of {count} octets");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>True once the other side has closed the connection (reads until end of stream).</summary>
    public async Task<bool> IsClosedByPeerAsync(int timeoutSeconds = 10)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
