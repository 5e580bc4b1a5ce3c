using System.Threading.Channels;
using Bitten.Modules.Execution.Fires;

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

    /// <summary>
    /// A fire just committed with its outbox row: the owner loop sends it straight from this copy, without reading the
    /// outbox back (the row stays the crash-safe record; the drain sends whatever this fast path did not).
    /// </summary>
    public void FireQueued(FireRecord fire) => _channel.Writer.TryWrite(new RouterWork(null, null, false) { Fire = fire });

    public bool Send(string eaId, byte[] json) => _channel.Writer.TryWrite(new RouterWork(eaId, json, Broadcast: false));

    public bool Broadcast(byte[] json) => _channel.Writer.TryWrite(new RouterWork(null, json, Broadcast: true));
}

/// <summary>One unit of router work: a message, a just-queued <see cref="Fire"/>, or (all null) "look at the outbox".</summary>
internal sealed record RouterWork(string? EaId, byte[]? Payload, bool Broadcast)
{
    public FireRecord? Fire { get; init; }

    public static RouterWork Outbox { get; } = new(null, null, false);
}
