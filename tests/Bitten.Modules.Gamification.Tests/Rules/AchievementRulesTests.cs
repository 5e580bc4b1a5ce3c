using Bitten.Modules.Gamification.Achievements;

namespace Bitten.Modules.Gamification.Tests.Rules;

public sealed class AchievementRulesTests
{
    [Theory]
    [InlineData("WINS", 0, nameof(AchievementLevel.Unknown))]
    [InlineData("WINS", 1, nameof(AchievementLevel.Bronze))]
    [InlineData("WINS", 9, nameof(AchievementLevel.Bronze))]
    [InlineData("WINS", 10, nameof(AchievementLevel.Silver))]
    [InlineData("WINS", 50, nameof(AchievementLevel.Gold))]
    [InlineData("WINS", 100, nameof(AchievementLevel.Platinum))]
    [InlineData("WINS", 500, nameof(AchievementLevel.Master))]
    [InlineData("STREAK", 6, nameof(AchievementLevel.Unknown))]
    [InlineData("STREAK", 7, nameof(AchievementLevel.Bronze))]
    [InlineData("STREAK", 30, nameof(AchievementLevel.Silver))]
    [InlineData("STREAK", 90, nameof(AchievementLevel.Gold))]
    [InlineData("STREAK", 180, nameof(AchievementLevel.Platinum))]
    [InlineData("STREAK", 365, nameof(AchievementLevel.Master))]
    [InlineData("JOURNAL", 10, nameof(AchievementLevel.Bronze))]
    [InlineData("JOURNAL", 50, nameof(AchievementLevel.Silver))]
    [InlineData("JOURNAL", 100, nameof(AchievementLevel.Gold))]
    [InlineData("FIRST_FIRE", 1, nameof(AchievementLevel.Bronze))]
    [InlineData("DISCIPLINED", 19, nameof(AchievementLevel.Unknown))]
    [InlineData("DISCIPLINED", 20, nameof(AchievementLevel.Bronze))]
    [InlineData("SHARPSHOOTER", 10, nameof(AchievementLevel.Bronze))]
    public void LevelsReached_WhenCount_HighestLevelMatchesThresholds(string code, int count, string highestName)
    {
        var highest = Enum.Parse<AchievementLevel>(highestName);
        var levels = AchievementRules.LevelsReached(code, count);

        (levels.Count == 0 ? AchievementLevel.Unknown : levels[^1]).ShouldBe(highest);
        levels.Count.ShouldBe((int)highest, "every lower level is reached on the way");
    }

    [Fact]
    public void BonusXp_WhenLevelRises_GrowsWithIt()
    {
        var bonuses = Enum.GetValues<AchievementLevel>().Where(l => l != AchievementLevel.Unknown).Select(AchievementRules.BonusXp).ToList();

        bonuses.ShouldBe([.. bonuses.Order()]);
        bonuses.ShouldAllBe(b => b > 0);
    }
}
