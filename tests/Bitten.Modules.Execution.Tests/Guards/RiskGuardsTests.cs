using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;

namespace Bitten.Modules.Execution.Tests.Guards;

public sealed class RiskGuardsTests
{
    private static DateTimeOffset Utc(int day, int hour, int minute = 0) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero); // 2026-01-09 is a Friday

    [Theory]
    [InlineData(9, 20, 59, false)]
    [InlineData(9, 21, 0, true)]
    [InlineData(10, 12, 0, true)]
    [InlineData(11, 21, 59, true)]
    [InlineData(11, 22, 0, false)]
    [InlineData(12, 3, 0, false)]
    public void WeekendUntil_AroundTheWeekendEdges_BlocksFridayEveningToSundayEvening(int day, int hour, int minute, bool blocked)
    {
        var until = RiskGuards.WeekendUntil(Utc(day, hour, minute));

        (until is not null).ShouldBe(blocked);
        if (blocked)
        {
            until.ShouldBe(Utc(11, 22));
        }
    }

    [Theory]
    [InlineData(Side.Buy, 1.10059, 1.10060, 0.3)]   // ask 6 pips above entry, risk 20 pips
    [InlineData(Side.Buy, 1.09939, 1.09940, 0.3)]   // toward the stop
    [InlineData(Side.Sell, 1.09940, 1.09942, 0.3)]  // bid toward a SELL's target
    public void DriftR_WhenPriceMoved_MeasuresFromTheFillSide(Side side, decimal bid, decimal ask, decimal expected)
    {
        var stop = side == Side.Buy ? 1.09800m : 1.10200m;

        RiskGuards.DriftR(side, 1.10000m, stop, bid, ask).ShouldBe(expected);
    }

    [Fact]
    public void DailyCapUntil_WhenRealisedLossReachesSixPercent_BlocksUntilMidnight()
    {
        var now = Utc(6, 15);

        RiskGuards.DailyCapUntil(now, 10_000m, 10_000m, -599m, 6m).ShouldBeNull();
        RiskGuards.DailyCapUntil(now, 10_000m, 10_000m, -600m, 6m).ShouldBe(Utc(7, 0));
    }

    [Fact]
    public void DailyCapUntil_WhenEquityFellSixPercent_Blocks()
    {
        RiskGuards.DailyCapUntil(Utc(6, 15), 10_000m, 9_400m, 0m, 6m).ShouldNotBeNull();
    }

    [Fact]
    public void TiltUntil_AfterThreeLossesInARow_BlocksSixtyMinutesFromTheLast()
    {
        var now = Utc(6, 15);
        var last = now.AddMinutes(-10).ToUnixTimeMilliseconds();
        var trades = new List<(TradeResult, long)> { (TradeResult.Loss, last), (TradeResult.Loss, last - 1000), (TradeResult.Loss, last - 2000) };

        RiskGuards.TiltUntil(now, trades, 3, TimeSpan.FromMinutes(60)).ShouldBe(now.AddMinutes(50));
        RiskGuards.TiltUntil(now.AddMinutes(51), trades, 3, TimeSpan.FromMinutes(60)).ShouldBeNull();
        trades[1] = (TradeResult.Win, last - 1000);
        RiskGuards.TiltUntil(now, trades, 3, TimeSpan.FromMinutes(60)).ShouldBeNull();
    }

    [Theory]
    [InlineData(0.06, TradeResult.Win)]
    [InlineData(0.05, TradeResult.Breakeven)]
    [InlineData(-0.05, TradeResult.Breakeven)]
    [InlineData(-0.06, TradeResult.Loss)]
    public void Classify_ByRMultiple_FollowsDomainThresholds(double r, TradeResult expected) => Outcomes.Classify(r).ShouldBe(expected);

    [Fact]
    public void AtOriginalStop_WithinOnePointOfTheStop_IsTrue()
    {
        Outcomes.AtOriginalStop(CloseReason.StopLoss, 1.09801m, 1.09800m, 0.00001m).ShouldBeTrue();
        Outcomes.AtOriginalStop(CloseReason.StopLoss, 1.09803m, 1.09800m, 0.00001m).ShouldBeFalse();
        Outcomes.AtOriginalStop(CloseReason.Manual, 1.09800m, 1.09800m, 0.00001m).ShouldBeFalse();
    }
}
