using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification.Xp;

/// <summary>
/// The append-only XP ledger. Every row has a unique award key, so a replayed event awards nothing the
/// second time (the unique index refuses it); balance and totals are always derived from the rows.
/// </summary>
internal sealed class XpLedger(GamificationDbContext db, IMediator mediator, TimeProvider time, ILogger<XpLedger> logger)
{
    /// <summary>Adds an award once per <paramref name="awardKey"/>; null when the key was already awarded.</summary>
    public async Task<XpAwarded?> AwardAsync(UserId user, int amount, string reason, string awardKey, string? sourceId, CancellationToken ct)
    {
        if (amount <= 0)
        {
            return null;
        }

        // Achievements re-offer every level reached on each trade event: look first, so the common replay is a read, not
        // a failed INSERT that EF Core logs at Error level twice; the unique index below still settles concurrent awards.
        if (await db.XpLedger.AsNoTracking().AnyAsync(x => x.AwardKey == awardKey, ct))
        {
            Log.XpDuplicate(logger, user.Value, awardKey);
            return null;
        }

        var row = new XpAward
        {
            UserId = user.Value,
            Amount = amount,
            Reason = reason,
            AwardKey = awardKey,
            SourceId = sourceId,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.XpLedger.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.Entry(row).State = EntityState.Detached;
            Log.XpDuplicate(logger, user.Value, awardKey);
            return null;
        }

        var balance = await BalanceAsync(user, ct);
        var awarded = new XpAwarded(user, amount, reason, awardKey, balance, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
        Log.XpAwarded(logger, user.Value, amount, reason, awardKey, balance);
        try
        {
            await mediator.Publish(awarded, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The award is stored; a failing listener elsewhere must not fail (and so replay) the fact that earned it.
            Log.XpAwardedListenerFailed(logger, user.Value, awardKey, ex);
        }

        return awarded;
    }

    /// <summary>
    /// Spends <paramref name="price"/> XP only when the balance covers it: one INSERT ... SELECT ... WHERE
    /// statement, so the check and the write are one atomic step and the balance can never go negative.
    /// </summary>
    public async Task<bool> TrySpendAsync(UserId user, int price, string reason, string awardKey, string sourceId, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var amount = -price;
        try
        {
            var rows = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO xp_ledger (user_id, award_key, amount, reason, created_at_ms, source_id)
                SELECT {user.Value}, {awardKey}, {amount}, {reason}, {now}, {sourceId}
                WHERE (SELECT COALESCE(SUM(amount), 0) FROM xp_ledger WHERE user_id = {user.Value}) >= {price}
                """, ct);
            return rows == 1;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return false;
        }
    }

    public Task<long> BalanceAsync(UserId user, CancellationToken ct) =>
        db.XpLedger.Where(x => x.UserId == user.Value).SumAsync(x => (long)x.Amount, ct);

    /// <summary>Lifetime earned XP (awards only; spending excluded): ranks and tactic unlocks use it.</summary>
    public Task<long> EarnedAsync(UserId user, CancellationToken ct) =>
        db.XpLedger.Where(x => x.UserId == user.Value && x.Amount > 0).SumAsync(x => (long)x.Amount, ct);

    public Task<long> EarnedBetweenAsync(UserId user, long fromMs, long toMs, CancellationToken ct) =>
        db.XpLedger.Where(x => x.UserId == user.Value && x.Amount > 0 && x.CreatedAtMs >= fromMs && x.CreatedAtMs < toMs)
            .SumAsync(x => (long)x.Amount, ct);
}
