using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Outcomes;

namespace Bitten.Modules.Signals.Tests.Outcomes;

public sealed class VirtualTradeTests
{
    private const long T0 = 1_763_900_000_000;
    private const long FourHours = 4 * 3_600_000;

    private static VirtualTrade Buy() => new("s1", 0, "P", Side.Buy, entry: 1.1000, stopLoss: 1.0980, takeProfit: 1.1030, pipSize: 0.0001, T0, FourHours);

    private static VirtualTrade Sell() => new("s2", 0, "P", Side.Sell, entry: 1.1000, stopLoss: 1.1020, takeProfit: 1.0970, pipSize: 0.0001, T0, FourHours);

    [Fact]
    public void OnTick_WhenBuyBidReachesTarget_WinsAtPlusOneAndAHalfR()
    {
        var trade = Buy();

        trade.OnTick(1.1010, 1.1012, T0 + 1).ShouldBe(SignalOutcome.Unknown);
        trade.OnTick(1.1030, 1.1032, T0 + 2).ShouldBe(SignalOutcome.Win);

        trade.RMultiple.ShouldBe(1.5, 1e-9);
        trade.MaxFavourablePips.ShouldBe(30, 1e-9);
    }

    [Fact]
    public void OnTick_WhenBuyAskTouchesTargetButBidDoesNot_StaysOpen() =>
        Buy().OnTick(1.1028, 1.1031, T0 + 1).ShouldBe(SignalOutcome.Unknown);

    [Fact]
    public void OnTick_WhenSellClosesAtTheAsk_LosesWhenAskReachesTheStop()
    {
        var trade = Sell();

        trade.OnTick(1.1018, 1.1020, T0 + 1).ShouldBe(SignalOutcome.Loss);

        trade.RMultiple.ShouldBe(-1, 1e-9);
    }

    [Fact]
    public void OnTick_WhenOneTickCrossesStopAndTarget_TheStopWins()
    {
        // a gap tick cannot be both, but a bar-replayed path can: the rule is stop first
        var trade = new VirtualTrade("s", 0, "P", Side.Buy, 1.1000, stopLoss: 1.1005, takeProfit: 1.0990, 0.0001, T0, FourHours);

        trade.OnTick(1.0995, 1.0996, T0 + 1).ShouldBe(SignalOutcome.Loss);
    }

    [Fact]
    public void OnTick_WhenDeadlinePasses_TimesOutAtTheMarkToMarket()
    {
        var trade = Buy();
        trade.OnTick(1.0990, 1.0992, T0 + 10);

        trade.OnTick(1.1006, 1.1008, T0 + FourHours).ShouldBe(SignalOutcome.Timeout);

        trade.LastPips.ShouldBe(6, 1e-9);
        trade.RMultiple.ShouldBe(0.3, 1e-9);
        trade.MaxAdversePips.ShouldBe(10, 1e-9);
    }

    [Fact]
    public void OnTick_WhenTickPredatesTheSignal_IsIgnored() =>
        Buy().OnTick(1.0900, 1.0901, T0 - 1).ShouldBe(SignalOutcome.Unknown);

    [Fact]
    public void Tracker_WhenClockPassesDeadlineWithoutTicks_ResolvesTimeout()
    {
        var tracker = new VirtualOutcomeTracker(1);
        tracker.Track(Buy());
        var resolved = new List<SignalOutcome>();

        tracker.OnClock(0, T0 + FourHours - 1, (_, o) => resolved.Add(o));
        tracker.OnClock(0, T0 + FourHours, (_, o) => resolved.Add(o));

        resolved.ShouldBe([SignalOutcome.Timeout]);
        tracker.OpenCount.ShouldBe(0);
    }
}
