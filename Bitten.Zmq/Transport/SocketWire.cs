using System.Net.Sockets;

namespace Bitten.Zmq.Transport;

/// <summary>A peer's TCP connection.</summary>
internal sealed class SocketWire(Socket socket) : IPeerWire
{
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        socket.SendAsync(data, SocketFlags.None, cancellationToken);

    public void Close()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already gone
        }

        socket.Dispose();
    }
}
