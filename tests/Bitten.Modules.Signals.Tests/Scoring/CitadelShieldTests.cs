using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Tests.Scoring;

public sealed class CitadelShieldTests
{
    private static ShieldInputs Neutral => new(0, false, false, 50, TradingSession.NewYork, false, 1.0, 1.5);

    [Fact]
    public void Evaluate_WhenNothingStandsOut_IsBasePlusNormalVolatility()
    {
        var result = CitadelShield.Evaluate(Neutral);

        result.Score.ShouldBe(5.5);
        result.Class.ShouldBe(ShieldClass.VolatilityZone);
        result.SizeMultiplier.ShouldBe(0.5m);
        result.Components.ShouldHaveSingleItem().Name.ShouldBe("volatility");
    }

    [Fact]
    public void Evaluate_WhenEverythingFavours_IsApprovedWithEveryReason()
    {
        var inputs = Neutral with { M15Alignment = 1, LiquiditySweptInFavour = true, Session = TradingSession.London, RewardRisk = 2.0 };

        var result = CitadelShield.Evaluate(inputs);

        result.Score.ShouldBe(10.0); // 5 + 1.5 + 2 + 0.5 + 0.5 + 0.5
        result.Class.ShouldBe(ShieldClass.ShieldApproved);
        result.SizeMultiplier.ShouldBe(1.5m);
        result.Components.Select(c => c.Name).ShouldBe(["m15_structure", "liquidity_sweep", "volatility", "session", "reward_risk"]);
        result.Components.ShouldAllBe(c => c.Reason.Length > 10);
    }

    [Fact]
    public void Evaluate_WhenEverythingOpposes_IsUnverified()
    {
        var inputs = Neutral with { M15Alignment = -1, EntryNearOpposingPool = true, AtrPercentile = 95, Session = TradingSession.Asian, SpreadToMedian = 2.5 };

        var result = CitadelShield.Evaluate(inputs);

        result.Score.ShouldBe(0.0); // 5 − 1 − 1.5 − 1 − 0.5 − 1
        result.Class.ShouldBe(ShieldClass.Unverified);
        result.SizeMultiplier.ShouldBe(0.25m);
    }

    [Fact]
    public void Evaluate_WhenJpyPairInAsia_HasNoSessionComponent()
    {
        var result = CitadelShield.Evaluate(Neutral with { Session = TradingSession.Asian, SessionNeutral = true });

        result.Components.ShouldNotContain(c => c.Name == "session");
    }

    [Theory]
    [InlineData(8.0, nameof(ShieldClass.ShieldApproved))]
    [InlineData(7.99, nameof(ShieldClass.ShieldActive))]
    [InlineData(6.0, nameof(ShieldClass.ShieldActive))]
    [InlineData(5.99, nameof(ShieldClass.VolatilityZone))]
    [InlineData(4.0, nameof(ShieldClass.VolatilityZone))]
    [InlineData(3.99, nameof(ShieldClass.Unverified))]
    public void Classify_WhenAtTheBoundaries_FollowsTheTable(double score, string expected) =>
        CitadelShield.Classify(score).ShouldBe(Enum.Parse<ShieldClass>(expected));

    [Fact]
    public void Evaluate_WhenQuietMarket_PenalisesLowAtrPercentile() =>
        CitadelShield.Evaluate(Neutral with { AtrPercentile = 5 }).Score.ShouldBe(4.5);
}
