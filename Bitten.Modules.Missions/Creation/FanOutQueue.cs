using System.Threading.Channels;
using Bitten.Contracts.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Signals waiting for their fan-out (singleton): <see cref="Integration.SignalPublishedHandler"/> writes, the single
/// <see cref="FanOutWorker"/> reads, so the Signals publisher goes on to its next signal at once. Bounded
/// (<c>FanOutQueueCapacity</c>): when full the publisher waits for room rather than drop a signal. A signal still in
/// the queue when the process stops is found again at the next start by the worker's catch-up (it is stored in signals.db).
/// </summary>
internal sealed class FanOutQueue(IOptions<MissionsOptions> options, ILogger<FanOutQueue> logger)
{
    private readonly Channel<SignalPublished> _channel = Channel.CreateBounded<SignalPublished>(
        new BoundedChannelOptions(options.Value.FanOutQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _enqueued;
    private long _done;

    public ChannelReader<SignalPublished> Reader => _channel.Reader;

    /// <summary>Signals queued or being fanned out.</summary>
    public long Outstanding => Interlocked.Read(ref _enqueued) - Interlocked.Read(ref _done);

    public async ValueTask EnqueueAsync(SignalPublished signal, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _enqueued);
        if (_channel.Writer.TryWrite(signal))
        {
            return;
        }

        Log.FanOutQueueFull(logger, signal.SignalId.Value, options.Value.FanOutQueueCapacity);
        try
        {
            await _channel.Writer.WriteAsync(signal, cancellationToken);
        }
        catch
        {
            Interlocked.Increment(ref _done);
            throw;
        }
    }

    /// <summary>The worker finished one dequeued signal (whatever the outcome).</summary>
    public void Done() => Interlocked.Increment(ref _done);
}
