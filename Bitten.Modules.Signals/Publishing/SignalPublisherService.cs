using System.Diagnostics;
using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Persistence;
using Bitten.Zmq;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Signals.Publishing;

/// <summary>
/// Takes the engine's signals and resolutions off its thread: a signal is stored first (its id is the
/// primary key, so it cannot be stored — or published — twice), then sent on PUB 5557 with topic
/// <c>signal.SYMBOL</c>, then announced as <see cref="SignalPublished"/>. Resolutions update the stored
/// signal once (compare-and-set on its status) and are announced as <see cref="SignalResolved"/>.
/// </summary>
internal sealed class SignalPublisherService(
    SignalsRuntime runtime,
    SignalsMetrics metrics,
    IOptions<ZmqOptions> zmq,
    BoundEndpoints endpoints,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<SignalPublisherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, new ZmqSocketOptions { Name = "signals", SendHighWaterMark = 10_000 });
        endpoints.Set("signals", pub.Bind(zmq.Value.Endpoint(zmq.Value.SignalPort)));
        var reader = runtime.Events.Reader;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var item = await reader.ReadAsync(stoppingToken);
                if (item.Signal is { } signal)
                {
                    await PublishAsync(pub, signal, stoppingToken);
                }
                else if (item.Trade is { } trade)
                {
                    await ResolveAsync(trade, item.Outcome, item.TsMs, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.PublishFailed(logger, ex);
            }
        }
    }

    private async Task PublishAsync(ZmqSocket pub, EngineSignal signal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        db.Signals.Add(SignalWire.Record(signal, now.ToUnixTimeMilliseconds()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            Log.SignalNotStored(logger, signal.SignalId, ex);
            return; // never published unless stored
        }

        pub.TrySend(SignalWire.Topic(signal.Symbol), SignalWire.Json(signal).Span);
        if (signal.TriggerReceivedTicks != 0)
        {
            metrics.TickToSignal.Record(Stopwatch.GetElapsedTime(signal.TriggerReceivedTicks).TotalMilliseconds, new KeyValuePair<string, object?>("pattern", signal.Candidate.Pattern));
        }

        metrics.Published.Add(1, new KeyValuePair<string, object?>("pattern", signal.Candidate.Pattern));
        Volatile.Write(ref runtime.LastSignalMs, signal.CreatedMs);
        Log.SignalPublished(logger, signal.SignalId, signal.Symbol, signal.Candidate.Pattern, signal.Side.ToString(), signal.Tcs, signal.WinProbability);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Publish(SignalWire.Notification(signal, now), cancellationToken);
    }

    private async Task ResolveAsync(Outcomes.VirtualTrade trade, SignalOutcome outcome, long tsMs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        var r = Math.Round(trade.RMultiple, 4);
        var updated = await db.Signals
            .Where(s => s.Id == trade.SignalId && s.Status == (int)SignalStatus.Open)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, (int)SignalStatus.Resolved)
                .SetProperty(s => s.Outcome, (int)outcome)
                .SetProperty(s => s.RMultiple, r)
                .SetProperty(s => s.ResultPips, Math.Round(trade.LastPips, 2))
                .SetProperty(s => s.MfePips, Math.Round(trade.MaxFavourablePips, 2))
                .SetProperty(s => s.MaePips, Math.Round(trade.MaxAdversePips, 2))
                .SetProperty(s => s.ResolvedMs, tsMs), cancellationToken);
        if (updated == 0)
        {
            return; // already resolved (a replay after restart): announce once only
        }

        Log.SignalResolved(logger, trade.SignalId, outcome.ToString(), r);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Publish(new SignalResolved(new SignalId(trade.SignalId), runtime.Symbols[trade.SymbolIndex].Name, trade.Pattern, outcome, r,
            trade.LastPips, trade.MaxFavourablePips, trade.MaxAdversePips, DateTimeOffset.FromUnixTimeMilliseconds(tsMs), time.GetUtcNow()), cancellationToken);
    }
}
