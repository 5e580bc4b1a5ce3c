using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Detectors;

namespace Bitten.Modules.Signals.Tests.Detectors;

public sealed class OrderBlockBounceTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly OrderBlockBounce _detector = new();

    private static ContextBuilder WithBullishBlock(long barIndex = 30, bool precededBreak = true)
    {
        var b = new ContextBuilder();
        b.Context.Structure.OrderBlocks.Add(new OrderBlockZone(barIndex, Side.Buy, Top: 1.0995, Bottom: 1.0985, precededBreak));
        return b;
    }

    [Fact]
    public void Detect_WhenPriceRetestsABullishBlockAndClosesOut_ProposesBuyBelowTheBlock()
    {
        var candidate = _detector.Detect(WithBullishBlock().Close(1.0996, 1.1010, 1.0990, 1.1008), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Buy);
        candidate.StopLoss.ShouldBe(1.1008 - 0.0024, 1e-12); // below 1.0985 − 0.1 ATR = 1.0984
        candidate.TakeProfit.ShouldBe(1.1008 + (1.5 * 0.0024), 1e-12);
    }

    [Fact]
    public void Detect_WhenBearishBlockRetested_ProposesSell()
    {
        var b = new ContextBuilder();
        b.Context.Structure.OrderBlocks.Add(new OrderBlockZone(30, Side.Sell, Top: 1.1015, Bottom: 1.1005, true));

        _detector.Detect(b.Close(1.1004, 1.1010, 1.0990, 1.0992), Settings).ShouldNotBeNull().Side.ShouldBe(Side.Sell);
    }

    [Fact]
    public void Detect_WhenBlockOlderThanFiftyBars_DoesNotFire()
    {
        var b = new ContextBuilder(history: 100);
        b.Context.Structure.OrderBlocks.Add(new OrderBlockZone(40, Side.Buy, 1.0995, 1.0985, true));

        _detector.Detect(b.Close(1.0996, 1.1010, 1.0990, 1.1008), Settings).ShouldBeNull();
    }

    [Fact]
    public void Detect_WhenBlockDidNotPrecedeABreak_DoesNotFire() =>
        _detector.Detect(WithBullishBlock(precededBreak: false).Close(1.0996, 1.1010, 1.0990, 1.1008), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBodyUnderFortyPercent_DoesNotFire() =>
        _detector.Detect(WithBullishBlock().Close(1.0997, 1.1010, 1.0990, 1.0999), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBarClosesInsideTheBlock_DoesNotFire() =>
        _detector.Detect(WithBullishBlock().Close(1.0986, 1.0996, 1.0986, 1.0994), Settings).ShouldBeNull();
}

public sealed class FairValueGapFillTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly FairValueGapFill _detector = new();

    private static ContextBuilder WithBullishGap(long barIndex = 32)
    {
        var b = new ContextBuilder();
        b.Context.Structure.Gaps.Add(new GapZone(barIndex, Side.Buy, Top: 1.1000, Bottom: 1.0990));
        return b;
    }

    [Fact]
    public void Detect_WhenBullishGapFilledPastMidAndRejected_ProposesBuyBelowTheGap()
    {
        var candidate = _detector.Detect(WithBullishGap().Close(1.1002, 1.1012, 1.0993, 1.1010), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Buy);
        candidate.StopLoss.ShouldBe(1.0989, 1e-12); // 1.0990 − 0.1 ATR; 21 pips from entry > 1 ATR minimum
    }

    [Fact]
    public void Detect_WhenBearishGapFilled_ProposesSell()
    {
        var b = new ContextBuilder();
        b.Context.Structure.Gaps.Add(new GapZone(32, Side.Sell, Top: 1.1010, Bottom: 1.1000));

        _detector.Detect(b.Close(1.0998, 1.1007, 1.0985, 1.0990), Settings).ShouldNotBeNull().Side.ShouldBe(Side.Sell);
    }

    [Fact]
    public void Detect_WhenFillStopsShortOfTheMidpoint_DoesNotFire() =>
        _detector.Detect(WithBullishGap().Close(1.1002, 1.1012, 1.0996, 1.1010), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenGapOlderThanTwentyBars_DoesNotFire() =>
        _detector.Detect(WithBullishGap(barIndex: 15).Close(1.1002, 1.1012, 1.0993, 1.1010), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBarTradesThroughTheFarEdge_DoesNotFire() =>
        _detector.Detect(WithBullishGap().Close(1.1002, 1.1012, 1.0985, 1.1010), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBarClosesInsideTheGap_DoesNotFire() =>
        _detector.Detect(WithBullishGap().Close(1.1002, 1.1004, 1.0993, 1.0998), Settings).ShouldBeNull();
}
