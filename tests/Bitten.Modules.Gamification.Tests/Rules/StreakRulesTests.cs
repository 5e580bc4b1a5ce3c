using Bitten.Modules.Gamification.Streaks;

namespace Bitten.Modules.Gamification.Tests.Rules;

public sealed class StreakRulesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static StreakState Empty => new(0, null, DateTimeOffset.MinValue, null);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_WhenFirstCheckIn_StartsAtOne()
    {
        var step = StreakRules.Apply(Empty, Utc(3, 2, 12), London);

        step.Outcome.ShouldBe(StreakOutcome.Started);
        step.State.Days.ShouldBe(1);
        step.State.LastDate.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void Apply_WhenNextLocalDay_Continues()
    {
        var first = StreakRules.Apply(Empty, Utc(3, 2, 8), London).State;

        var step = StreakRules.Apply(first, Utc(3, 3, 21), London);

        step.Outcome.ShouldBe(StreakOutcome.Continued);
        step.State.Days.ShouldBe(2);
    }

    [Fact]
    public void Apply_WhenSameLocalDayAgain_CountsNothing()
    {
        var first = StreakRules.Apply(Empty, Utc(3, 2, 8), London).State;

        var step = StreakRules.Apply(first, Utc(3, 2, 22), London);

        step.Outcome.ShouldBe(StreakOutcome.AlreadyCounted);
        step.State.ShouldBe(first);
    }

    [Fact]
    public void Apply_WhenUtcDayChangesButLocalDayDoesNot_CountsNothing()
    {
        // 23:30 and 01:30 UTC are both the same evening in New York (EST, UTC−5).
        var first = StreakRules.Apply(Empty, Utc(2, 10, 23, 30), NewYork).State;

        var step = StreakRules.Apply(first, Utc(2, 11, 1, 30), NewYork);

        step.Outcome.ShouldBe(StreakOutcome.AlreadyCounted);
    }

    [Fact]
    public void Apply_WhenSameUtcDayButNextTokyoDay_Continues()
    {
        // 10:00 UTC = 19:00 JST on the 10th; 16:00 UTC = 01:00 JST on the 11th.
        var first = StreakRules.Apply(Empty, Utc(2, 10, 10), Tokyo).State;

        var step = StreakRules.Apply(first, Utc(2, 10, 16), Tokyo);

        step.Outcome.ShouldBe(StreakOutcome.Continued);
        step.State.LastDate.ShouldBe(new DateOnly(2026, 2, 11));
    }

    [Fact]
    public void Apply_WhenOneDayMissedButWithin30Hours_ContinuesByTheWindow()
    {
        // Monday 23:00, then Wednesday 04:00 local: Tuesday has no check-in, but only 29 hours passed.
        var first = StreakRules.Apply(new StreakState(5, null, default, null), Utc(3, 2, 23), London) with { };
        var state = first.State with { Days = 5 };

        var step = StreakRules.Apply(state, Utc(3, 4, 4), London);

        step.Outcome.ShouldBe(StreakOutcome.Continued);
        step.State.Days.ShouldBe(6);
        step.State.ProtectionUsedMonth.ShouldBeNull();
    }

    [Fact]
    public void Apply_WhenGapOfThreeDaysAndProtectionUnused_ProtectsOncePerMonth()
    {
        var state = new StreakState(10, new DateOnly(2026, 3, 2), Utc(3, 2, 12), null);

        var protectedStep = StreakRules.Apply(state, Utc(3, 6, 12), London); // 3, 4, 5 missed

        protectedStep.Outcome.ShouldBe(StreakOutcome.Protected);
        protectedStep.State.Days.ShouldBe(11);
        protectedStep.State.ProtectionUsedMonth.ShouldBe("2026-03");

        var second = StreakRules.Apply(protectedStep.State, Utc(3, 9, 12), London); // 7, 8 missed, same month
        second.Outcome.ShouldBe(StreakOutcome.Reset);
        second.State.Days.ShouldBe(1);
    }

    [Fact]
    public void Apply_WhenProtectionUsedLastMonth_IsAvailableAgain()
    {
        var state = new StreakState(10, new DateOnly(2026, 3, 30), Utc(3, 30, 12), "2026-03");

        var step = StreakRules.Apply(state, Utc(4, 2, 12), London);

        step.Outcome.ShouldBe(StreakOutcome.Protected);
        step.State.ProtectionUsedMonth.ShouldBe("2026-04");
    }

    [Fact]
    public void Apply_WhenGapLongerThanThreeDays_Resets()
    {
        var state = new StreakState(40, new DateOnly(2026, 3, 2), Utc(3, 2, 12), null);

        var step = StreakRules.Apply(state, Utc(3, 7, 12), London); // 4 missed days

        step.Outcome.ShouldBe(StreakOutcome.Reset);
        step.State.Days.ShouldBe(1);
        step.State.ProtectionUsedMonth.ShouldBeNull();
    }

    [Fact]
    public void Apply_WhenDailyCheckInsAt9LocalAcrossSpringForward_NeverBreaks()
    {
        // New York moves from EST (−5) to EDT (−4) on Sunday 8 March 2026: 09:00 local is 14:00 UTC before, 13:00 UTC after.
        var state = Empty;
        foreach (var at in new[] { Utc(3, 6, 14), Utc(3, 7, 14), Utc(3, 8, 13), Utc(3, 9, 13) })
        {
            var step = StreakRules.Apply(state, at, NewYork);
            step.Outcome.ShouldNotBe(StreakOutcome.Reset);
            step.Outcome.ShouldNotBe(StreakOutcome.AlreadyCounted);
            state = step.State;
        }

        state.Days.ShouldBe(4);
        state.LastDate.ShouldBe(new DateOnly(2026, 3, 9));
    }

    [Fact]
    public void Apply_WhenLateNightAndEarlyMorningAroundFallBack_CountsTwoDays()
    {
        // London leaves BST on Sunday 25 October 2026: 23:50 BST Saturday (22:50 UTC) then 00:10 GMT Monday (00:10 UTC Monday).
        var saturday = StreakRules.Apply(new StreakState(3, new DateOnly(2026, 10, 23), Utc(10, 23, 20), null), Utc(10, 24, 22, 50), London);
        saturday.Outcome.ShouldBe(StreakOutcome.Continued);

        var monday = StreakRules.Apply(saturday.State, Utc(10, 26, 0, 10), London); // Sunday missed, 25 h 20 min later

        monday.Outcome.ShouldBe(StreakOutcome.Continued);
        monday.State.Days.ShouldBe(5);
    }

    [Fact]
    public void Apply_WhenUserFliesWestAndLocalDateGoesBack_CountsNothingAndKeepsTheStreak()
    {
        // Checked in at 08:00 JST on the 11th (23:00 UTC on the 10th), then in New York at 19:00 EST on the 10th (00:00 UTC 11th).
        var tokyo = StreakRules.Apply(new StreakState(7, new DateOnly(2026, 2, 10), Utc(2, 9, 23), null), Utc(2, 10, 23), Tokyo).State;

        var step = StreakRules.Apply(tokyo, Utc(2, 11, 0), NewYork);

        step.Outcome.ShouldBe(StreakOutcome.AlreadyCounted);
        step.State.Days.ShouldBe(8);
    }

    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 50)]
    [InlineData(3, 55)]
    [InlineData(6, 55)]
    [InlineData(7, 160)]
    [InlineData(14, 65)]
    [InlineData(30, 175)]
    [InlineData(89, 75)]
    [InlineData(90, 200)]
    [InlineData(180, 200)]
    [InlineData(181, 100)]
    [InlineData(365, 200)]
    public void CheckInXp_WhenStreakLength_AppliesMultiplierAndMilestoneBonus(int days, int xp) =>
        StreakRules.CheckInXp(days, 50, 100).ShouldBe(xp);
}
