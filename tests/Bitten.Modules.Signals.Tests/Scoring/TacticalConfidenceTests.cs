using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Tests.Scoring;

public sealed class TacticalConfidenceTests
{
    [Theory]
    [InlineData(70, 1, nameof(TradingSession.London), false, 82)]
    [InlineData(70, -1, nameof(TradingSession.Asian), false, 58)]
    [InlineData(70, -1, nameof(TradingSession.Asian), true, 62)]
    [InlineData(70, 0, nameof(TradingSession.NewYork), false, 70)]
    [InlineData(95, 1, nameof(TradingSession.Overlap), false, 100)]
    [InlineData(5, -1, nameof(TradingSession.Asian), false, 0)]
    public void Score_WhenContext_AddsTheDomainBonusesAndClamps(double pattern, int m15, string session, bool neutral, double expected) =>
        TacticalConfidence.Score(pattern, m15, Enum.Parse<TradingSession>(session), neutral).Tcs.ShouldBe(expected);

    [Theory]
    [InlineData(0.5, 1.5, 0.25)]
    [InlineData(0.4, 1.5, 0.0)]
    [InlineData(0.3, 2.0, -0.1)]
    public void ExpectedValueR_WhenProbabilityAndRewardRisk_IsPTimesRrMinusQ(double p, double rr, double ev) =>
        TacticalConfidence.ExpectedValueR(p, rr).ShouldBe(ev, 1e-12);

    [Theory]
    [InlineData(0, 0, 0.5)]
    [InlineData(10, 0, 0.75)]
    [InlineData(30, 70, 35.0 / 110)]
    public void PriorWinProbability_WhenRecord_ShrinksTowardAHalf(int wins, int losses, double expected) =>
        TacticalConfidence.PriorWinProbability(wins, losses).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData(1.5, "RAPID")]
    [InlineData(1.79, "RAPID")]
    [InlineData(1.8, "SNIPER")]
    public void SignalClass_WhenRewardRisk_SplitsAt18(double rr, string expected) => TacticalConfidence.SignalClass(rr).ShouldBe(expected);
}
