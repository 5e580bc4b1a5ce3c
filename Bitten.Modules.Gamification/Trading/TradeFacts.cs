using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Gamification.Achievements;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Trading;

/// <summary>
/// Stores the fills and closes Gamification hears about and awards their XP. Every step is idempotent:
/// the fact rows are keyed by fire id and every award by its own key, so a replay re-runs harmlessly
/// (and completes anything a crash between the steps left undone).
/// </summary>
internal sealed class TradeFacts(
    GamificationDbContext db, PlayerDirectory players, XpLedger ledger, AchievementService achievements,
    IOptions<XpOptions> xp, ILogger<TradeFacts> logger)
{
    /// <summary>Fills in a row that count towards DISCIPLINED. No risk-guard fact exists yet, so every fill counts.</summary>
    public async Task RecordFillAsync(FireFilled fill, CancellationToken ct)
    {
        await players.EnsureAsync(fill.UserId, ct);
        await InsertOnceAsync(new FireFact
        {
            FireId = fill.FireId.Value,
            UserId = fill.UserId.Value,
            Side = (int)fill.Side,
            FilledAtMs = fill.FilledAt.ToUnixTimeMilliseconds(),
        }, ct);
        Log.FireRecorded(logger, fill.FireId.Value, fill.UserId.Value, fill.MissionId.Value, fill.SignalId.Value);

        await ledger.AwardAsync(fill.UserId, xp.Value.FireFilled, "fire_filled", $"fire:{fill.FireId}", fill.FireId.Value, ct);
        var fills = await db.Fires.CountAsync(f => f.UserId == fill.UserId.Value, ct);
        await achievements.UpdateAsync(fill.UserId, AchievementRules.FirstFire, fills, ct);
        await achievements.UpdateAsync(fill.UserId, AchievementRules.Disciplined, fills, ct);

        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.RecruitId == fill.UserId.Value, ct);
        if (referral is not null)
        {
            await ledger.AwardAsync(new UserId(referral.ReferrerId), xp.Value.ReferralFirstFire, "referral_first_fire",
                $"referral-fire:{referral.RecruitId}", referral.RecruitId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
    }

    public async Task RecordCloseAsync(TradeClosed close, CancellationToken ct)
    {
        await players.EnsureAsync(close.UserId, ct);
        await InsertOnceAsync(new TradeFact
        {
            FireId = close.FireId.Value,
            UserId = close.UserId.Value,
            Result = (int)close.Result,
            RMultiple = double.IsFinite(close.RMultiple) ? close.RMultiple : 0,
            AtOriginalStop = close.AtOriginalStop,
            ClosedAtMs = close.ClosedAt.ToUnixTimeMilliseconds(),
        }, ct);
        Log.TradeRecorded(logger, close.FireId.Value, close.UserId.Value, close.MissionId.Value,
            close.SignalId.Value, close.Result.ToString(), close.RMultiple);

        if (close.Result == TradeResult.Win)
        {
            var amount = TradeXp.ForWin(close.RMultiple, xp.Value.Win, xp.Value.WinPerFullRAboveOne);
            await ledger.AwardAsync(close.UserId, amount, "win", $"win:{close.FireId}", close.FireId.Value, ct);
            var wins = await db.Trades.CountAsync(t => t.UserId == close.UserId.Value && t.Result == (int)TradeResult.Win, ct);
            await achievements.UpdateAsync(close.UserId, AchievementRules.Wins, wins, ct);
            await achievements.UpdateAsync(close.UserId, AchievementRules.Sharpshooter, await WinsInARowAsync(close.UserId, ct), ct);
        }
        else if (close.Result == TradeResult.Loss && close.AtOriginalStop)
        {
            await ledger.AwardAsync(close.UserId, xp.Value.LossAtOriginalStop, "loss_at_stop", $"discipline:{close.FireId}", close.FireId.Value, ct);
        }
    }

    /// <summary>Consecutive WINs counting back from the latest close (a breakeven neither breaks nor extends the run).</summary>
    public async Task<int> WinsInARowAsync(UserId user, CancellationToken ct)
    {
        var recent = await db.Trades.AsNoTracking()
            .Where(t => t.UserId == user.Value && t.Result != (int)TradeResult.Breakeven)
            .OrderByDescending(t => t.ClosedAtMs)
            .Select(t => t.Result)
            .Take(AchievementRules.Thresholds[AchievementRules.Sharpshooter].Max())
            .ToListAsync(ct);
        return recent.TakeWhile(r => r == (int)TradeResult.Win).Count();
    }

    private async Task InsertOnceAsync<T>(T row, CancellationToken ct)
        where T : class
    {
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
