namespace Bitten.Modules.Gamification.Streaks;

/// <summary>
/// Daily check-in streak (DOMAIN §11), on the user's local calendar. A check-in on a later local day
/// continues the streak when it is the next local day or within <see cref="Window"/> of the last check-in
/// (so a late-night and an early-morning check-in across a DST change or a trip still count); otherwise one
/// free protection per local month covers a gap of up to <see cref="ProtectionMaxGapDays"/> missed days;
/// otherwise the streak starts again at 1. A check-in on a day already counted (or an earlier one, after a
/// time-zone change) changes nothing.
/// </summary>
internal static class StreakRules
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(30);

    public const int ProtectionMaxGapDays = 3;

    private static readonly (int Days, double Multiplier)[] Multipliers = [(90, 2.0), (30, 1.5), (14, 1.3), (7, 1.2), (3, 1.1)];

    private static readonly int[] MilestoneDays = [7, 30, 90, 180, 365];

    public static StreakStep Apply(StreakState state, DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        if (state.LastDate is not { } last || state.Days <= 0)
        {
            return new StreakStep(StreakOutcome.Started, new StreakState(1, today, at, state.ProtectionUsedMonth));
        }

        if (today <= last)
        {
            return new StreakStep(StreakOutcome.AlreadyCounted, state);
        }

        var missed = today.DayNumber - last.DayNumber - 1;
        if (missed == 0 || at - state.LastAt <= Window)
        {
            return new StreakStep(StreakOutcome.Continued, new StreakState(state.Days + 1, today, at, state.ProtectionUsedMonth));
        }

        if (missed <= ProtectionMaxGapDays && state.ProtectionUsedMonth != month)
        {
            return new StreakStep(StreakOutcome.Protected, new StreakState(state.Days + 1, today, at, month));
        }

        return new StreakStep(StreakOutcome.Reset, new StreakState(1, today, at, state.ProtectionUsedMonth));
    }

    public static double Multiplier(int streakDays)
    {
        foreach (var (days, multiplier) in Multipliers)
        {
            if (streakDays >= days)
            {
                return multiplier;
            }
        }

        return 1.0;
    }

    public static bool IsMilestone(int streakDays) => MilestoneDays.Contains(streakDays);

    /// <summary>Check-in XP: base × multiplier (rounded half away from zero), plus the milestone bonus on days 7, 30, 90, 180, 365.</summary>
    public static int CheckInXp(int streakDays, int baseXp, int milestoneBonus) =>
        (int)Math.Round(baseXp * Multiplier(streakDays), MidpointRounding.AwayFromZero) + (IsMilestone(streakDays) ? milestoneBonus : 0);
}
