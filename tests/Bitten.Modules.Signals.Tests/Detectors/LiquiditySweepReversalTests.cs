using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Detectors;

namespace Bitten.Modules.Signals.Tests.Detectors;

public sealed class LiquiditySweepReversalTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly LiquiditySweepReversal _detector = new();

    private static ContextBuilder WithSwingHigh(double level, bool swept = false, string symbol = "EURUSD", double price = 1.1000, double atr = 0.0010)
    {
        var b = new ContextBuilder(symbol, price, atr);
        b.Context.Structure.Swings.Add(new SwingLevel(20, IsHigh: true, level, swept));
        return b;
    }

    [Fact]
    public void Detect_WhenSwingHighSweptAndRejected_ProposesSellWithStopBeyondTheSweep()
    {
        // swing high 1.1020; bar spikes to 1.1035 (1.5 ATR above, ≥ 0.1 ATR), closes 1.1005 with a long upper wick
        var context = WithSwingHigh(1.1020).Close(1.1008, 1.1035, 1.1003, 1.1005);

        var candidate = _detector.Detect(context, Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Sell);
        candidate.Entry.ShouldBe(1.1005);
        candidate.StopLoss.ShouldBe(1.1035 + 0.0001, 1e-12); // beyond the extreme + 0.1 ATR: 3.1 pips > min stop 1 ATR
        candidate.TakeProfit.ShouldBe(1.1005 - (1.5 * 0.0031), 1e-12);
        candidate.RewardRisk.ShouldBe(1.5, 1e-9);
        candidate.PatternScore.ShouldBeInRange(62, 100);
        candidate.KeyLevels.ShouldContain(k => k.Name == "swept_level" && k.Price == 1.1020);
    }

    [Fact]
    public void Detect_WhenSwingLowSweptAndRejected_ProposesBuy()
    {
        var b = new ContextBuilder();
        b.Context.Structure.Pools.Add(new LiquidityLevel(15, IsHigh: false, 1.0985, false));

        var candidate = _detector.Detect(b.Close(1.0992, 1.0996, 1.0970, 1.0994), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Buy);
        candidate.StopLoss.ShouldBeLessThan(1.0970);
        candidate.Components.ShouldContain(c => c.Name == "pool");
    }

    [Fact]
    public void Detect_WhenLevelAlreadySwept_DoesNotFire() =>
        _detector.Detect(WithSwingHigh(1.1020, swept: true).Close(1.1008, 1.1035, 1.1003, 1.1005), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBarClosesAboveTheLevel_DoesNotFire() =>
        _detector.Detect(WithSwingHigh(1.1020).Close(1.1008, 1.1035, 1.1003, 1.1022), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenSweepShallowerThanATenthOfAtr_DoesNotFire() =>
        _detector.Detect(WithSwingHigh(1.1020).Close(1.1008, 1.10205, 1.1003, 1.1005), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenRejectingWickUnderHalfTheRange_DoesNotFire() =>
        _detector.Detect(WithSwingHigh(1.1020).Close(1.0980, 1.1035, 1.0979, 1.1015), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenTooLittleHistoryAfterAGap_DoesNotFire()
    {
        var context = WithSwingHigh(1.1020).Close(1.1008, 1.1035, 1.1003, 1.1005);
        context.BarsSinceGap = 5;

        _detector.Detect(context, Settings).ShouldBeNull();
    }

    [Fact]
    public void Detect_WhenUsdJpy_UsesThePipFloorOfAJpyPair()
    {
        // ATR tiny (0.01 = 1 pip): the 5-pip floor (0.05) sets the stop
        var context = WithSwingHigh(150.20, symbol: "USDJPY", price: 150.00, atr: 0.01).Close(150.19, 150.30, 150.185, 150.19);

        var candidate = _detector.Detect(context, Settings).ShouldNotBeNull();

        candidate.StopLoss.ShouldBe(150.19 + 0.111, 1e-9); // beyond 150.30 + 0.001 = 0.111 away (> 0.05 floor)
        candidate.Side.ShouldBe(Side.Sell);
    }

    [Fact]
    public void Detect_WhenXauUsdWithTinyStructure_WidensTheStopToThirtyPips()
    {
        var context = WithSwingHigh(2400.5, symbol: "XAUUSD", price: 2400, atr: 0.5).Close(2400.3, 2401.0, 2400.2, 2400.3);

        var candidate = _detector.Detect(context, Settings).ShouldNotBeNull();

        (candidate.StopLoss - candidate.Entry).ShouldBe(3.0, 1e-9); // 30 pips × 0.1
        (candidate.Entry - candidate.TakeProfit).ShouldBe(4.5, 1e-9);
    }
}
