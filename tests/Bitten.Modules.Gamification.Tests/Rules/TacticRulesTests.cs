using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Tactics;

namespace Bitten.Modules.Gamification.Tests.Rules;

public sealed class TacticRulesTests
{
    private static TacticDay Day(int fills, Side? first = null, int wins = 0) => new(fills, first, wins);

    [Theory]
    [InlineData(0, 74, true)]
    [InlineData(0, 73.9, false)]
    [InlineData(3, 90, true)]
    [InlineData(4, 99, false)]
    public void LoneWolf_WhenShotsAndTcs_AllowsFourShotsAtTcs74(int fills, double tcs, bool allowed) =>
        (TacticRules.Refusal(TacticRules.LoneWolf, Day(fills), tcs, Side.Buy) is null).ShouldBe(allowed);

    [Theory]
    [InlineData(0, 75, true)]
    [InlineData(0, 74.9, false)]
    [InlineData(1, 77, false)]
    [InlineData(1, 78, true)]
    [InlineData(2, 79, false)]
    [InlineData(2, 80, true)]
    [InlineData(3, 84, false)]
    [InlineData(3, 85, true)]
    [InlineData(4, 99, false)]
    public void FirstBlood_WhenShotN_NeedsRisingTcs(int fills, double tcs, bool allowed) =>
        (TacticRules.Refusal(TacticRules.FirstBlood, Day(fills), tcs, Side.Buy) is null).ShouldBe(allowed);

    [Fact]
    public void FirstBlood_WhenTwoWinsToday_StopsAndShowsNoShotsLeft()
    {
        TacticRules.Refusal(TacticRules.FirstBlood, Day(2, wins: 2), 99, Side.Buy).ShouldNotBeNull().ShouldContain("2 wins");
        TacticRules.Remaining(TacticRules.FirstBlood, Day(2, wins: 2)).ShouldBe(0);
    }

    [Theory]
    [InlineData(0, null, Side.Sell, 85, true)]
    [InlineData(0, null, Side.Sell, 84.9, false)]
    [InlineData(1, Side.Buy, Side.Buy, 90, true)]
    [InlineData(1, Side.Buy, Side.Sell, 90, false)]
    [InlineData(2, Side.Buy, Side.Buy, 99, false)]
    public void DoubleTap_WhenShot_NeedsTcs85SameSideAndTwoAtMost(int fills, Side? first, Side side, double tcs, bool allowed) =>
        (TacticRules.Refusal(TacticRules.DoubleTap, Day(fills, first), tcs, side) is null).ShouldBe(allowed);

    [Theory]
    [InlineData(0, 95, true)]
    [InlineData(0, 80, true)]
    [InlineData(0, 79.9, false)]
    [InlineData(5, 80, true)]
    [InlineData(6, 99, false)]
    public void TacticalCommand_WhenShot_AllowsSixAtTcs80(int fills, double tcs, bool allowed) =>
        (TacticRules.Refusal(TacticRules.TacticalCommand, Day(fills), tcs, Side.Buy) is null).ShouldBe(allowed);

    [Theory]
    [InlineData("LONE_WOLF", 0, true)]
    [InlineData("FIRST_BLOOD", 119, false)]
    [InlineData("FIRST_BLOOD", 120, true)]
    [InlineData("DOUBLE_TAP", 239, false)]
    [InlineData("DOUBLE_TAP", 240, true)]
    [InlineData("TACTICAL_COMMAND", 359, false)]
    [InlineData("TACTICAL_COMMAND", 360, true)]
    [InlineData("CHAINGUN", 1_000_000, false)]
    public void IsUnlocked_WhenEarnedXp_UnlocksAtDomainThresholds(string tactic, long xp, bool unlocked) =>
        TacticRules.IsUnlocked(tactic, xp).ShouldBe(unlocked);
}
