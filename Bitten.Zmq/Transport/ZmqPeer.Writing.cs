using System.Buffers;

namespace Bitten.Zmq.Transport;

internal sealed partial class ZmqPeer
{
    private const int BatchSize = 64 * 1024;

    /// <summary>Drains the queue, coalescing small messages into one socket write.</summary>
    private async Task WriteLoopAsync()
    {
        var reader = _out.Reader;
        var batch = ArrayPool<byte>.Shared.Rent(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                var length = 0;
                while (reader.TryRead(out var item))
                {
                    try
                    {
                        if (length > 0 && length + item.Length > batch.Length)
                        {
                            await SendAllAsync(batch.AsMemory(0, length), CancellationToken.None);
                            length = 0;
                        }

                        if (item.Length > batch.Length)
                        {
                            await SendAllAsync(item.Memory, CancellationToken.None);
                        }
                        else
                        {
                            item.Memory.Span.CopyTo(batch.AsSpan(length));
                            length += item.Length;
                        }
                    }
                    finally
                    {
                        var isData = item.IsData;
                        item.Release();
                        if (isData && Interlocked.Decrement(ref _queuedData) == _sendHighWaterMark - 1)
                        {
                            _owner.SendSpace.Pulse();
                        }
                    }
                }

                if (length > 0)
                {
                    await SendAllAsync(batch.AsMemory(0, length), CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close(null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(batch);
        }
    }
}
