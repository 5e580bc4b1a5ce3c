using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Gamification.Tactics;

/// <summary>Today's tactic per user (one choice per local day, LONE_WOLF by default) and today's shots.</summary>
internal sealed class TacticService(GamificationDbContext db, PlayerDirectory players, XpLedger ledger, TimeProvider time)
{
    public async Task<(bool Ok, string? Problem)> ChooseAsync(UserId user, string tactic, CancellationToken ct)
    {
        tactic = tactic.Trim().ToUpperInvariant();
        if (!TacticRules.IsKnown(tactic))
        {
            return (false, $"tactic must be one of {string.Join(", ", TacticRules.All.Select(t => t.Name))}");
        }

        var earned = await ledger.EarnedAsync(user, ct);
        if (!TacticRules.IsUnlocked(tactic, earned))
        {
            return (false, $"{tactic} unlocks at {TacticRules.All.First(t => t.Name == tactic).UnlockXp} XP; you have earned {earned}");
        }

        var row = await players.EnsureAsync(user, ct);
        var now = time.GetUtcNow();
        var date = UserClock.Key(UserClock.LocalDate(now, UserClock.Zone(row.TimeZone)));
        var choice = new TacticChoice { UserId = user.Value, LocalDate = date, Tactic = tactic, ChosenAtMs = now.ToUnixTimeMilliseconds() };
        db.TacticChoices.Add(choice);
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, null);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            db.Entry(choice).State = EntityState.Detached;
            return (false, $"a tactic was already chosen for {date}; the next choice is possible tomorrow (your time)");
        }
    }

    public async Task<(string Tactic, TacticDay Day)> TodayAsync(UserId user, DateTimeOffset at, CancellationToken ct)
    {
        var row = await players.EnsureAsync(user, ct);
        var zone = UserClock.Zone(row.TimeZone);
        var date = UserClock.LocalDate(at, zone);
        var key = UserClock.Key(date);
        var (from, to) = UserClock.DayRangeMs(date, zone);
        var tactic = await db.TacticChoices.AsNoTracking()
            .Where(c => c.UserId == user.Value && c.LocalDate == key).Select(c => c.Tactic).FirstOrDefaultAsync(ct) ?? TacticRules.LoneWolf;
        var fills = await db.Fires.AsNoTracking()
            .Where(f => f.UserId == user.Value && f.FilledAtMs >= from && f.FilledAtMs < to)
            .OrderBy(f => f.FilledAtMs).Select(f => f.Side).ToListAsync(ct);
        var wins = await db.Trades.AsNoTracking()
            .CountAsync(t => t.UserId == user.Value && t.ClosedAtMs >= from && t.ClosedAtMs < to && t.Result == (int)TradeResult.Win, ct);
        return (tactic, new TacticDay(fills.Count, fills.Count > 0 ? (Side)fills[0] : null, wins));
    }
}
