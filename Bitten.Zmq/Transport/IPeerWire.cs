namespace Bitten.Zmq.Transport;

/// <summary>
/// The byte stream under one <see cref="ZmqPeer"/>: a TCP socket in production (<see cref="SocketWire"/>), a buffer when
/// the fuzzer or a test feeds recorded or hostile octets through the same handshake and frame decoder (<see cref="BufferWire"/>).
/// </summary>
internal interface IPeerWire
{
    /// <summary>Reads into <paramref name="buffer"/>; 0 at the end of the stream.</summary>
    ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Writes some of <paramref name="data"/>; returns how much.</summary>
    ValueTask<int> SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Ends the stream both ways (idempotent).</summary>
    void Close();
}
