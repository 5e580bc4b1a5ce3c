using System.Threading.Channels;
using Bitten.Zmq;

namespace Bitten.Simulator.Protocol;

/// <summary>
/// The send queue of one socket, drained by exactly one writer (a ZeroMQ socket has one producer).
/// Droppable messages (ticks, control messages that are repeated anyway) are sent without waiting and
/// lost when there is no peer; the others wait for a peer, so no confirmation or close report is lost.
/// </summary>
internal sealed class Outbound(ZmqSocket socket, int capacity)
{
    private readonly Channel<(byte[] Payload, bool Droppable)> _queue = Channel.CreateBounded<(byte[], bool)>(
        new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ZmqSocket Socket => socket;

    private long _dropped;

    /// <summary>Droppable messages lost: queue full, no peer connected, or the peer's queue full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a message that may be lost (a full queue drops it).</summary>
    public void Offer(byte[] payload)
    {
        if (!_queue.Writer.TryWrite((payload, true)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Queues a message that must arrive (waits for room).</summary>
    public ValueTask SendAsync(byte[] payload, CancellationToken cancellationToken) => _queue.Writer.WriteAsync((payload, false), cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var (payload, droppable) in _queue.Reader.ReadAllAsync(cancellationToken))
        {
            if (droppable)
            {
                if (socket.TrySend(payload) != ZmqSendResult.Sent)
                {
                    Interlocked.Increment(ref _dropped);
                }
            }
            else
            {
                await socket.SendAsync(payload, cancellationToken);
            }
        }
    }
}
