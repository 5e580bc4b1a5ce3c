using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Achievements;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Referrals;
using Bitten.Modules.Gamification.Tactics;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Progress;

/// <summary>Composes a user's standing from the ledger and the stored facts; nothing here is stored twice.</summary>
internal sealed class ProgressService(
    PlayerDirectory players, XpLedger ledger, TacticService tactics, AchievementService achievements, ReferralService referrals,
    TimeProvider time, IOptions<GamificationOptions> options)
{
    public async Task<ProgressView> GetAsync(UserId user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await players.EnsureAsync(user, ct);
        var zone = UserClock.Zone(row.TimeZone);
        var balance = await ledger.BalanceAsync(user, ct);
        var earned = await ledger.EarnedAsync(user, ct);
        var (rank, rankXp, nextXp, nextRank) = Ranks.For(earned);
        var progress = nextRank is null ? 1.0 : Math.Round((double)(earned - rankXp) / (nextXp - rankXp), 4);
        var (tactic, day) = await tactics.TodayAsync(user, now, ct);
        var season = Seasons.At(now, options.Value);
        var seasonXp = await ledger.EarnedBetweenAsync(user, season.Start.ToUnixTimeMilliseconds(), season.End.ToUnixTimeMilliseconds(), ct);
        var level = Seasons.Level(seasonXp, options.Value);
        var (free, paid) = Seasons.Rewards(level);
        var held = await achievements.ListAsync(user, ct);
        var recruits = await referrals.RecruitsAsync(user, ct);
        var month = UserClock.LocalDate(now, zone).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return new ProgressView(
            user.Value, balance, earned, rank, rankXp, nextRank, nextXp, progress,
            tactic, TacticRules.Remaining(tactic, day),
            [.. TacticRules.All.Where(t => earned >= t.UnlockXp).Select(t => t.Name)],
            row.StreakDays, row.LastCheckInDate, row.ProtectionUsedMonth != month,
            held.ToDictionary(h => h.Key, h => h.Value.ToString().ToUpperInvariant(), StringComparer.Ordinal),
            season.Number, seasonXp, level, free, paid, recruits, SquadRanks.For(recruits));
    }
}
