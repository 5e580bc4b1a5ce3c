using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution.Fires;

/// <summary>
/// Every state change of a fire after it was queued: one writer at a time (router, report socket and
/// heartbeats race otherwise), allowed only from the listed states (so a repeated confirmation or close
/// report changes nothing and publishes nothing), recorded in <c>fire_events</c> in the same transaction,
/// and announced after the commit.
/// </summary>
internal sealed class FireLifecycle(IServiceScopeFactory scopes, TimeProvider time, ExecutionMetrics metrics, ILogger<FireLifecycle> logger)
{
    private static readonly FireStatus[] Pending = [FireStatus.Queued, FireStatus.Sent, FireStatus.Unconfirmed];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<FireRecord?> SentAsync(string fireId, CancellationToken cancellationToken)
    {
        var fire = await TransitionAsync(fireId, [FireStatus.Queued], FireStatus.Sent, "sent to the EA", (f, now) => f.SentAtMs = now, cancellationToken);
        if (fire is not null)
        {
            Log.FireSent(logger, fire.FireId, fire.MissionId, fire.EaId);
            var now = time.GetUtcNow();
            await PublishAsync(new FireSent(new FireId(fire.FireId), new MissionId(fire.MissionId), new UserId(fire.UserId), fire.EaId, DateTimeOffset.FromUnixTimeMilliseconds(fire.SentAtMs!.Value), now), fire.FireId, cancellationToken);
        }

        return fire;
    }

    public async Task<FireRecord?> FailAsync(string fireId, FireStatus[] from, FireStatus to, string reason, int? retcode, CancellationToken cancellationToken)
    {
        var fire = await TransitionAsync(fireId, from, to, reason, (f, _) =>
        {
            f.Message = reason;
            f.Retcode = retcode;
        }, cancellationToken);
        if (fire is not null)
        {
            var outcome = to switch
            {
                FireStatus.Rejected => MissionStatus.Rejected,
                FireStatus.Unconfirmed => MissionStatus.Unconfirmed,
                _ => MissionStatus.Failed,
            };
            Log.FireFailed(logger, fire.FireId, fire.MissionId, fire.UserId, outcome.ToString(), reason);
            var now = time.GetUtcNow();
            await PublishAsync(new FireFailed(new FireId(fire.FireId), new MissionId(fire.MissionId), new UserId(fire.UserId), outcome, reason, retcode, now, now), fire.FireId, cancellationToken);
        }

        return fire;
    }

    public async Task<FireRecord?> FilledAsync(string fireId, decimal? price, decimal? volume, long position, string detail, CancellationToken cancellationToken) =>
        (await FilledManyAsync([new FillReport(fireId, price, volume, position, detail)], null, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// Fills many fires in one transaction (group commit: one SQLite commit for a burst of confirmations instead of
    /// one each). Each fire moves only from a pending state, so a repeat in the same batch or later changes nothing;
    /// <c>FireFilled</c> is announced after the commit for each fire that moved. Returns those fires.
    /// </summary>
    /// <remarks>
    /// <paramref name="known"/>: fires the caller has just read (the report socket reads each batch's fires once); they are
    /// not read again, and the status compare-and-set in SQL still decides, so a change since the read is never overwritten.
    /// </remarks>
    public async Task<IReadOnlyList<FireRecord>> FilledManyAsync(IReadOnlyList<FillReport> fills, IReadOnlyDictionary<string, FireRecord>? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fills);
        if (fills.Count == 0)
        {
            return [];
        }

        var filled = new List<FireRecord>(fills.Count);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var fires = known is not null && fills.All(f => known.ContainsKey(f.FireId))
                ? known
                : db.FiresById(fills.Select(f => f.FireId).Distinct(StringComparer.Ordinal).ToList());
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            var pending = new List<(FireRecord Fire, PendingFill Fill)>(fills.Count);
            var inBatch = new HashSet<string>(StringComparer.Ordinal);
            foreach (var fill in fills)
            {
                // The first fill of a fire in the batch is the one that counts; a repeat would lose the compare-and-set anyway.
                if (fires.TryGetValue(fill.FireId, out var f) && Pending.Contains(f.Status) && inBatch.Add(fill.FireId))
                {
                    pending.Add((f, new PendingFill(f.FireId, fill.Price is > 0 ? fill.Price.Value : f.Entry, fill.Volume is > 0 ? fill.Volume.Value : f.Volume,
                        fill.Position, Truncate(fill.Detail), f.Status == FireStatus.Queued)));
                }
            }

            if (pending.Count == 0)
            {
                return [];
            }

            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var moved = FillWriter.Fill((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)tx.GetDbTransaction(), now, [.. pending.Select(p => p.Fill)]);
            foreach (var (f, fill) in pending)
            {
                if (!moved.Contains(f.FireId))
                {
                    continue; // another writer moved it since it was read
                }

                f.Status = FireStatus.Filled; // the in-memory copy follows the row: a later report in the batch sees the fill
                f.FilledAtMs = now;
                f.FillPrice = fill.Price;
                f.FilledVolume = fill.Volume;
                f.Position = fill.Position;
                filled.Add(f);
            }

            await tx.CommitAsync(cancellationToken);
            metrics.Fire(nameof(FireStatus.Filled), filled.Count);
        }
        finally
        {
            _gate.Release();
        }

        if (filled.Count > 0)
        {
            // One scope (one mediator, one set of handler instances) announces the whole batch, in commit order.
            var announced = time.GetUtcNow();
            await using var scope = scopes.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            foreach (var fire in filled)
            {
                Log.FireFilled(logger, fire.FireId, fire.MissionId, fire.FillPrice!.Value, fire.Position!.Value);
                await PublishAsync(mediator, new FireFilled(new FireId(fire.FireId), new MissionId(fire.MissionId), new UserId(fire.UserId), new SignalId(fire.SignalId), fire.EaId, fire.Symbol,
                    (Side)fire.Side, fire.FillPrice.Value, fire.FilledVolume!.Value, fire.StopLoss, fire.TakeProfit, fire.Position.Value, DateTimeOffset.FromUnixTimeMilliseconds(fire.FilledAtMs!.Value), announced), fire.FireId, cancellationToken);
            }
        }

        return filled;
    }

    public async Task<FireRecord?> ClosedAsync(string fireId, long? position, decimal closePrice, decimal profit, CloseReason reason, long? closedTsMs, string currency, CancellationToken cancellationToken)
    {
        FireStatus[] from = [FireStatus.Queued, FireStatus.Sent, FireStatus.Unconfirmed, FireStatus.Filled];
        var fire = await TransitionAsync(fireId, from, FireStatus.Closed, $"closed ({reason})", (f, now) =>
        {
            var total = profit + (f.PartialProfit ?? 0); // the trade's result includes what partial closes already realised
            var r = f.RiskMoney > 0 ? (double)(total / f.RiskMoney) : 0;
            f.ClosedAtMs = closedTsMs is > 0 ? closedTsMs : now;
            f.ClosePrice = closePrice;
            f.Profit = total;
            f.RMultiple = Math.Round(r, 4);
            f.Result = (int)Outcomes.Classify(r);
            f.CloseReason = (int)reason;
            f.Position ??= position;
            f.FillPrice ??= f.Entry;
            f.FilledVolume ??= f.Volume;
        }, cancellationToken);
        if (fire is not null)
        {
            Log.FireClosed(logger, fire.FireId, fire.MissionId, reason.ToString(), closePrice, fire.Profit!.Value, fire.RMultiple!.Value);
            var atStop = Outcomes.AtOriginalStop(reason, closePrice, fire.StopLoss, fire.Point);
            await PublishAsync(new TradeClosed(new FireId(fire.FireId), new MissionId(fire.MissionId), new UserId(fire.UserId), new SignalId(fire.SignalId), fire.Symbol, (Side)fire.Side,
                fire.FillPrice!.Value, closePrice, fire.FilledVolume!.Value, fire.Profit.Value, currency, fire.RMultiple.Value, (TradeResult)fire.Result!.Value, reason, atStop,
                DateTimeOffset.FromUnixTimeMilliseconds(fire.ClosedAtMs!.Value), time.GetUtcNow()), fire.FireId, cancellationToken);
        }

        return fire;
    }

    /// <summary>
    /// Records a partial close of a filled fire's position (BITMODE's 50 % at 1 R, or the user's own): remaining volume,
    /// realised profit and R. Idempotent on (fire, position, the EA's ts_ms): a replayed report changes nothing and
    /// returns null. The fire stays FILLED; the final close report adds its profit to what was realised here.
    /// </summary>
    public async Task<FireRecord?> PartialClosedAsync(string fireId, long position, long tsMs, decimal volume, decimal closePrice, decimal profit, CancellationToken cancellationToken)
    {
        FireRecord? fire;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            fire = await db.Fires.FirstOrDefaultAsync(f => f.FireId == fireId, cancellationToken);
            if (fire is not { Status: FireStatus.Filled } || await db.PartialCloses.AnyAsync(p => p.FireId == fireId && p.Position == position && p.TsMs == tsMs, cancellationToken))
            {
                return null;
            }

            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            fire.RemainingVolume = (fire.RemainingVolume ?? fire.FilledVolume ?? fire.Volume) - volume;
            fire.PartialProfit = (fire.PartialProfit ?? 0) + profit;
            fire.PartialR = fire.RiskMoney > 0 ? Math.Round((double)(fire.PartialProfit.Value / fire.RiskMoney), 4) : 0;
            db.PartialCloses.Add(new PartialCloseRecord { FireId = fireId, Position = position, TsMs = tsMs, Volume = volume, ClosePrice = closePrice, Profit = profit, RecordedAtMs = now });
            db.FireEvents.Add(new FireEventRecord
            {
                FireId = fireId, Status = FireStatus.Filled, AtMs = now,
                Detail = Truncate(FormattableString.Invariant($"partial close of {volume} lots at {closePrice}: {profit} realised ({fire.PartialR:0.00} R so far), {fire.RemainingVolume} lots open")),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null; // the fire left FILLED since it was read (closed): nothing partial to record
            }
        }
        finally
        {
            _gate.Release();
        }

        Log.PartialClosed(logger, fire.FireId, fire.MissionId, volume, closePrice, profit, fire.RemainingVolume!.Value);
        return fire;
    }

    /// <summary>True when this (fire, position, EA ts_ms) partial close is already recorded.</summary>
    public async Task<bool> IsRecordedPartialAsync(string fireId, long position, long tsMs, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().PartialCloses
            .AnyAsync(p => p.FireId == fireId && p.Position == position && p.TsMs == tsMs, cancellationToken);
    }

    private async Task<FireRecord?> TransitionAsync(string fireId, FireStatus[] from, FireStatus to, string detail, Action<FireRecord, long> apply, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var fire = await db.Fires.FirstOrDefaultAsync(f => f.FireId == fireId, cancellationToken);
            if (fire is null)
            {
                return null;
            }

            var moved = await TryMoveAsync(db, fire, from, to, detail, apply, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            if (moved is not null)
            {
                metrics.Fire(to.ToString());
            }

            return moved;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Moves a fire <paramref name="db"/> tracks (as it was read) to <paramref name="to"/> if it is in one of <paramref name="from"/>:
    /// one transaction with its timeline row and its outbox row. The UPDATE is a compare-and-set on the status that was
    /// read (a concurrency token), so if another writer moved the fire since — a confirmation that filled it while the
    /// timeout sweep was deciding it was late — nothing is written and null is returned, whatever lock the writers hold.
    /// </summary>
    internal static async Task<FireRecord?> TryMoveAsync(ExecutionDbContext db, FireRecord fire, FireStatus[] from, FireStatus to, string detail, Action<FireRecord, long> apply, long now, CancellationToken cancellationToken)
    {
        if (!from.Contains(fire.Status))
        {
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        fire.Status = to;
        apply(fire, now);
        db.FireEvents.Add(new FireEventRecord { FireId = fire.FireId, Status = to, AtMs = now, Detail = Truncate(detail) });
        if (to != FireStatus.Queued)
        {
            var fireId = fire.FireId;
            await db.Outbox.Where(o => o.FireId == fireId && o.DoneAtMs == null).ExecuteUpdateAsync(s => s.SetProperty(o => o.DoneAtMs, now), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await tx.RollbackAsync(cancellationToken); // the status changed since it was read: this writer lost
            db.ChangeTracker.Clear();
            return null;
        }

        await tx.CommitAsync(cancellationToken);
        return fire;
    }

    private async Task PublishAsync(INotification fact, string fireId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PublishAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), fact, fireId, cancellationToken);
    }

    private async Task PublishAsync(IMediator mediator, INotification fact, string fireId, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Publish(fact, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PublishFailed(logger, fact.GetType().Name, fireId, ex);
        }
    }

    private static string Truncate(string s) => s.Length <= 512 ? s : s[..512];
}

/// <summary>One filled confirmation: the fire, the fill price and volume the EA reported, its position and the timeline detail.</summary>
internal readonly record struct FillReport(string FireId, decimal? Price, decimal? Volume, long Position, string Detail);
