using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Tests.Stats;

public sealed class TradeStatisticsTests
{
    [Theory]
    [InlineData(8, 10, 0.4902, 0.9433)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(50, 100, 0.4038, 0.5962)]
    public void Wilson_WhenKnownProportions_MatchesTheTextbookInterval(int wins, int n, double low, double high)
    {
        var (l, h) = TradeStatistics.Wilson(wins, n);

        l.ShouldBe(low, 1e-4);
        h.ShouldBe(high, 1e-4);
    }

    [Fact]
    public void From_WhenMixedResults_ComputesEveryFigure()
    {
        var results = new (TradeResult, double)[]
        {
            (TradeResult.Win, 1.5), (TradeResult.Loss, -1), (TradeResult.Loss, -1), (TradeResult.Win, 1.5),
            (TradeResult.Timeout, 0.2), (TradeResult.Loss, -1), (TradeResult.Win, 2.0),
        };

        var stats = TradeStatistics.From(results);

        stats.Count.ShouldBe(7);
        stats.Wins.ShouldBe(3);
        stats.Losses.ShouldBe(3);
        stats.Other.ShouldBe(1);
        stats.WinRate.ShouldBe(0.5);
        stats.TotalR.ShouldBe(2.2, 1e-12);
        stats.AverageR.ShouldBe(2.2 / 7, 1e-12);
        stats.ProfitFactor!.Value.ShouldBe(5.2 / 3, 1e-12);
        stats.MaxDrawdownR.ShouldBe(2.0, 1e-12); // peak 1.5 → −0.5, and 1.7 → 0.7 is only 1.0
    }

    [Fact]
    public void From_WhenNoTrades_HasNoWinRateAndAFullInterval()
    {
        var stats = TradeStatistics.From([]);

        stats.WinRate.ShouldBeNull();
        (stats.WinRateLow, stats.WinRateHigh).ShouldBe((0, 1));
        stats.ProfitFactor.ShouldBeNull();
    }
}
