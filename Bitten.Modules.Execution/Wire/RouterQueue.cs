using System.Threading.Channels;

namespace Bitten.Modules.Execution.Wire;

/// <summary>
/// Work for the command socket's owner loop: a wake-up to drain the outbox, or one message for one EA
/// (or every connected EA). Bounded; a full queue refuses (the caller reports it), the outbox is also polled.
/// </summary>
internal sealed class RouterQueue
{
    private readonly Channel<RouterWork> _channel = Channel.CreateBounded<RouterWork>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<RouterWork> Reader => _channel.Reader;

    public void WakeOutbox() => _channel.Writer.TryWrite(RouterWork.Outbox);

    public bool Send(string eaId, byte[] json) => _channel.Writer.TryWrite(new RouterWork(eaId, json, Broadcast: false));

    public bool Broadcast(byte[] json) => _channel.Writer.TryWrite(new RouterWork(null, json, Broadcast: true));
}

/// <summary>One unit of router work; both fields null means "look at the outbox".</summary>
internal sealed record RouterWork(string? EaId, byte[]? Payload, bool Broadcast)
{
    public static RouterWork Outbox { get; } = new(null, null, false);
}
