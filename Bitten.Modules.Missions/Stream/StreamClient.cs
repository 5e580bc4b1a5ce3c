using System.Threading.Channels;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// One open <c>/api/stream</c> connection: a bounded queue of ready-to-write SSE frames. The hub only ever
/// <c>TryWrite</c>s into it, so a slow client can never block anyone; when its queue is full it is dropped
/// (the queue completes, the connection ends, the browser reconnects with <c>Last-Event-ID</c>).
/// </summary>
internal sealed class StreamClient(long userId, int capacity)
{
    private readonly Channel<ReadOnlyMemory<byte>> _queue = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public long UserId { get; } = userId;

    public ChannelReader<ReadOnlyMemory<byte>> Reader => _queue.Reader;

    public bool TryEnqueue(ReadOnlyMemory<byte> frame) => _queue.Writer.TryWrite(frame);

    public void Close() => _queue.Writer.TryComplete();
}
