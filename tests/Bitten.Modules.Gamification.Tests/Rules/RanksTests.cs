using Bitten.Modules.Gamification.Progress;

namespace Bitten.Modules.Gamification.Tests.Rules;

public sealed class RanksTests
{
    [Theory]
    [InlineData(0, "RECRUIT", 100)]
    [InlineData(99, "RECRUIT", 100)]
    [InlineData(100, "PRIVATE", 500)]
    [InlineData(499, "PRIVATE", 500)]
    [InlineData(500, "CORPORAL", 1_000)]
    [InlineData(1_000, "SERGEANT", 2_500)]
    [InlineData(2_500, "LIEUTENANT", 5_000)]
    [InlineData(5_000, "CAPTAIN", 10_000)]
    [InlineData(10_000, "MAJOR", 25_000)]
    [InlineData(25_000, "COLONEL", 50_000)]
    [InlineData(50_000, "GENERAL", 100_000)]
    [InlineData(99_999, "GENERAL", 100_000)]
    [InlineData(100_000, "COMMANDER", 100_000)]
    [InlineData(5_000_000, "COMMANDER", 100_000)]
    public void For_WhenEarnedXpAtOrAroundAThreshold_GivesTheRankHeldAndTheNext(long xp, string rank, long next)
    {
        var result = Ranks.For(xp);

        result.Rank.ShouldBe(rank);
        result.NextRankXp.ShouldBe(next);
    }

    [Fact]
    public void For_WhenAtTheTopRank_HasNoNextRank() => Ranks.For(100_000).NextRank.ShouldBeNull();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(999, 0)]
    [InlineData(1_000, 1)]
    [InlineData(12_345, 12)]
    [InlineData(1_000_000, 100)]
    public void SeasonLevel_WhenSeasonXpGiven_IsOnePerThousandCappedAtHundred(long xp, int level) =>
        Seasons.Level(xp, new GamificationOptions()).ShouldBe(level);

    [Fact]
    public void SeasonRewards_WhenLevel23_FreeEvery5PaidEvery10()
    {
        var (free, paid) = Seasons.Rewards(23);

        free.ShouldBe([5, 10, 15, 20]);
        paid.ShouldBe([10, 20]);
    }
}
