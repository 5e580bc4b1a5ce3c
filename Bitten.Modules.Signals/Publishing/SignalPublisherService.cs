using System.Data.Common;
using System.Diagnostics;
using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
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
/// The single writer of signals.db and the publisher of signals. Takes the engine's signals and
/// resolutions off its thread: a signal is stored first (its id is the primary key, so it cannot be
/// stored — or published — twice), then sent on PUB 5557 with topic <c>signal.SYMBOL</c>, then announced
/// as <see cref="SignalPublished"/>. Resolutions update the stored signal once (compare-and-set on its
/// status) and are announced as <see cref="SignalResolved"/>. Closed bars are written here too, in
/// batches, whenever no signal or resolution waits: one connection, kept open, so a signal never waits
/// for another writer's lock (SQLite's busy handler sleeps) and at most for one bar row and a commit.
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
    private const int BarBatch = 1_000;

    /// <summary>Bars written between two explicit WAL checkpoints (see <see cref="CheckpointIfDue"/>).</summary>
    private const int CheckpointEveryBars = 500;

    private int _barsSinceCheckpoint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var pub = new ZmqSocket(ZmqSocketType.Pub, new ZmqSocketOptions { Name = "signals", SendHighWaterMark = 10_000 });
        endpoints.Set("signals", pub.Bind(zmq.Value.Endpoint(zmq.Value.SignalPort)));

        // One context and one open connection for the service's life (pragmas run once, statements stay prepared).
        await using var storeScope = scopes.CreateAsyncScope();
        var db = storeScope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        await db.Database.OpenConnectionAsync(stoppingToken);
        var connection = db.Database.GetDbConnection();

        // SQLite checkpoints the WAL inside whichever commit crosses 1,000 pages — a signal's commit too, which then
        // waits for the copy and its fsync. This connection checkpoints itself instead, between bar batches only.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint=0;";
            await pragma.ExecuteNonQueryAsync(stoppingToken);
        }

        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var bars = new BarBatchWriter(connection);
        var events = runtime.Events.Reader;
        Func<bool> eventWaiting = () => events.TryPeek(out _);
        Task<bool>? eventsReady = null, barsReady = null;
        var never = new TaskCompletionSource<bool>().Task;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (events.TryRead(out var item))
                {
                    if (item.Signal is { } signal)
                    {
                        await PublishAsync(pub, db, signal, stoppingToken);
                    }
                    else if (item.Trade is { } trade)
                    {
                        await ResolveAsync(db, trade, item.Outcome, item.TsMs, stoppingToken);
                    }

                    continue;
                }

                if (WriteBars(bars, eventWaiting) > 0)
                {
                    CheckpointIfDue(checkpoint, eventWaiting);
                    continue;
                }

                // Idle: wait for either queue. A wait still pending from the last round is kept, not doubled.
                eventsReady ??= events.WaitToReadAsync(stoppingToken).AsTask();
                barsReady ??= runtime.Bars.Reader.WaitToReadAsync(stoppingToken).AsTask();
                await Task.WhenAny(eventsReady, barsReady);
                if (eventsReady.IsCompleted)
                {
                    if (!await eventsReady)
                    {
                        break;
                    }

                    eventsReady = null;
                }

                if (barsReady.IsCompleted)
                {
                    barsReady = await barsReady ? null : never; // no more bars (completed): wait for events alone
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.PublishFailed(logger, ex);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A passive checkpoint (never waits for readers) after every few hundred bars, when no signal or resolution waits.</summary>
    private void CheckpointIfDue(DbCommand checkpoint, Func<bool> eventWaiting)
    {
        if (_barsSinceCheckpoint < CheckpointEveryBars || eventWaiting())
        {
            return;
        }

        _barsSinceCheckpoint = 0;
        try
        {
            checkpoint.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            Log.PublishFailed(logger, ex); // the next one retries; the WAL only grows meanwhile
        }
    }

    private int WriteBars(BarBatchWriter bars, Func<bool> eventWaiting)
    {
        try
        {
            var written = bars.Write(runtime.Bars.Reader, BarBatch, eventWaiting);
            _barsSinceCheckpoint += written;
            return written;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // As a failed batch always was: its bars are dropped (they only warm a restart), so a store
            // that keeps failing (disk full) logs once per batch instead of once per bar, and the loop moves on.
            var dropped = 0;
            while (dropped < BarBatch && runtime.Bars.Reader.TryRead(out _))
            {
                dropped++;
            }

            Log.BarWriteFailed(logger, dropped, ex);
            return 0;
        }
    }

    private async Task PublishAsync(ZmqSocket pub, SignalsDbContext db, EngineSignal signal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
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
        finally
        {
            db.ChangeTracker.Clear();
        }

        pub.TrySend(SignalWire.Topic(signal.Symbol), SignalWire.Json(signal).Span);
        if (signal.TriggerReceivedTicks != 0)
        {
            metrics.TickToSignal.Record(Stopwatch.GetElapsedTime(signal.TriggerReceivedTicks).TotalMilliseconds, new KeyValuePair<string, object?>("pattern", signal.Candidate.Pattern));
        }

        metrics.Published.Add(1, new KeyValuePair<string, object?>("pattern", signal.Candidate.Pattern));
        Volatile.Write(ref runtime.LastSignalMs, signal.CreatedMs);
        Log.SignalPublished(logger, signal.SignalId, signal.Symbol, signal.Candidate.Pattern, signal.Side.ToString(), signal.Tcs, signal.WinProbability);
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Publish(SignalWire.Notification(signal, now), cancellationToken);
    }

    private async Task ResolveAsync(SignalsDbContext db, Outcomes.VirtualTrade trade, SignalOutcome outcome, long tsMs, CancellationToken cancellationToken)
    {
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
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Publish(new SignalResolved(new SignalId(trade.SignalId), runtime.Symbols[trade.SymbolIndex].Name, trade.Pattern, outcome, r,
            trade.LastPips, trade.MaxFavourablePips, trade.MaxAdversePips, DateTimeOffset.FromUnixTimeMilliseconds(tsMs), time.GetUtcNow()), cancellationToken);
    }
}
