using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Achievements;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Xp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Streaks;

/// <summary>Counts a check-in day on the user's calendar, awards check-in XP once per local day, unlocks streak achievements.</summary>
internal sealed class CheckInService(
    GamificationDbContext db, PlayerDirectory players, XpLedger ledger, AchievementService achievements,
    UserStateGate gate, IOptions<XpOptions> xp, ILogger<CheckInService> logger)
{
    public async Task<StreakStep> CheckInAsync(UserId user, DateTimeOffset at, CancellationToken ct)
    {
        StreakStep step;
        string dateKey;
        // The streak row is read-modify-write: one check-in at a time so two taps never count a day twice.
        using (await gate.EnterAsync(ct))
        {
            var row = await players.EnsureAsync(user, ct);
            var zone = UserClock.Zone(row.TimeZone);
            var state = new StreakState(row.StreakDays, UserClock.Parse(row.LastCheckInDate),
                DateTimeOffset.FromUnixTimeMilliseconds(row.LastCheckInAtMs), row.ProtectionUsedMonth);
            step = StreakRules.Apply(state, at, zone);
            dateKey = UserClock.Key(step.State.LastDate ?? UserClock.LocalDate(at, zone));
            if (step.Outcome != StreakOutcome.AlreadyCounted)
            {
                row.StreakDays = step.State.Days;
                row.LastCheckInDate = dateKey;
                row.LastCheckInAtMs = at.ToUnixTimeMilliseconds();
                row.ProtectionUsedMonth = step.State.ProtectionUsedMonth;
                await db.SaveChangesAsync(ct);
            }

            Log.StreakUpdated(logger, user.Value, step.State.Days, dateKey, step.Outcome.ToString());
        }

        if (step.Outcome != StreakOutcome.AlreadyCounted)
        {
            var amount = StreakRules.CheckInXp(step.State.Days, xp.Value.CheckIn, xp.Value.StreakMilestoneBonus);
            await ledger.AwardAsync(user, amount, "checkin", $"checkin:{user}:{dateKey}", dateKey, ct);
            await achievements.UpdateAsync(user, AchievementRules.Streak, step.State.Days, ct);
        }

        return step;
    }
}
