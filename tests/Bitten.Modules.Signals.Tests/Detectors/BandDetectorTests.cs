using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Detectors;

namespace Bitten.Modules.Signals.Tests.Detectors;

public sealed class VolatilityCompressionBreakoutTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly VolatilityCompressionBreakout _detector = new();

    // Bands: compressed (BB inside KC) for every bar from `compressedFrom`, and on the last bar too.
    private static ContextBuilder Compressed(int compressedFrom = 30) =>
        new ContextBuilder().Bands(i => i >= compressedFrom
            ? (1.1004, 1.1000, 1.0996, 1.1006, 1.0994)
            : (1.1010, 1.1000, 1.0990, 1.1006, 1.0994));

    private static DetectorContext BreakoutUp(ContextBuilder b, int volume = 200)
    {
        b.Bands(i => i >= 30 ? (1.1004, 1.1000, 1.0996, 1.1006, 1.0994) : (1.1010, 1.1000, 1.0990, 1.1006, 1.0994));
        return b.Close(1.1002, 1.1016, 1.1001, 1.1015, volume);
    }

    private static DetectorContext WithBandsOnLast(DetectorContext c)
    {
        var last = c.Count - 1;
        (c.BbUpper[last], c.BbMiddle[last], c.BbLower[last], c.KcUpper[last], c.KcLower[last]) = (1.1008, 1.1001, 1.0994, 1.1007, 1.0995);
        return c;
    }

    [Fact]
    public void Detect_WhenBreakoutAfterTenBarsOfCompression_ProposesBuy()
    {
        var candidate = _detector.Detect(WithBandsOnLast(BreakoutUp(Compressed())), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Buy);
        candidate.StopLoss.ShouldBe(1.1015 - 0.0011, 1e-12); // 1 ATR (nearer than the compression low) + 0.1 ATR buffer
        candidate.Components.ShouldContain(c => c.Name == "compression");
    }

    [Fact]
    public void Detect_WhenCompressionShorterThanSixBars_DoesNotFire()
    {
        var b = new ContextBuilder().Bands(i => i >= 37 ? (1.1004, 1.1000, 1.0996, 1.1006, 1.0994) : (1.1010, 1.1000, 1.0990, 1.1006, 1.0994));
        var context = WithBandsOnLast(b.Close(1.1002, 1.1016, 1.1001, 1.1015, 200));

        _detector.Detect(context, Settings).ShouldBeNull();
    }

    [Fact]
    public void Detect_WhenVolumeUnderThirtyPercentAboveMean_DoesNotFire() =>
        _detector.Detect(WithBandsOnLast(BreakoutUp(Compressed(), volume: 120)), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenBreakoutBarRangeUnderOnePointTwoAtr_DoesNotFire()
    {
        var b = Compressed();
        var context = WithBandsOnLast(b.Close(1.1005, 1.1015, 1.1005, 1.1014, 200));

        _detector.Detect(context, Settings).ShouldBeNull();
    }

    [Fact]
    public void Detect_WhenCloseInsideTheBands_DoesNotFire()
    {
        var context = BreakoutUp(Compressed());
        var last = context.Count - 1;
        context.BbUpper[last] = 1.1020;

        _detector.Detect(context, Settings).ShouldBeNull();
    }
}

public sealed class MomentumBurstTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly MomentumBurst _detector = new();

    [Fact]
    public void Detect_WhenBurstOutOfTightRange_ProposesBuyWithStopAtTheMidpoint()
    {
        // history: range 0.5 ATR around 1.1000 → consolidation high 1.10025, low 1.09975 (span 0.5 ATR)
        var candidate = _detector.Detect(new ContextBuilder().Close(1.1000, 1.1018, 1.0999, 1.1017, 200), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Buy);
        // midpoint 1.1000 − 0.1 ATR = 1.0999 is 18 pips away (> 1 ATR minimum)
        candidate.StopLoss.ShouldBe(1.0999, 1e-12);
    }

    [Fact]
    public void Detect_WhenBurstDown_ProposesSell() =>
        _detector.Detect(new ContextBuilder().Close(1.1000, 1.1001, 1.0982, 1.0983, 200), Settings).ShouldNotBeNull().Side.ShouldBe(Side.Sell);

    [Fact]
    public void Detect_WhenConsolidationWiderThanTwoAtr_DoesNotFire()
    {
        var b = new ContextBuilder();
        b.Add(1.1000, 1.1030, 1.0990, 1.1000);

        _detector.Detect(b.Close(1.1000, 1.1038, 1.0999, 1.1037, 200), Settings).ShouldBeNull();
    }

    [Fact]
    public void Detect_WhenBodyUnderSixtyPercent_DoesNotFire() =>
        _detector.Detect(new ContextBuilder().Close(1.1003, 1.1018, 1.0990, 1.1012, 200), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenVolumeUnderOneAndAHalfTimesMean_DoesNotFire() =>
        _detector.Detect(new ContextBuilder().Close(1.1000, 1.1018, 1.0999, 1.1017, 140), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenCloseStaysInsideTheRange_DoesNotFire() =>
        _detector.Detect(new ContextBuilder().Close(1.0990, 1.1002, 1.0979, 1.1001, 200), Settings).ShouldBeNull();
}

public sealed class BollingerScalpTests
{
    private static readonly DetectorSettings Settings = new();
    private readonly BollingerScalp _detector = new();

    // Wide bands so the middle band is a target worth more than the 1-ATR minimum stop.
    private static ContextBuilder Banded(double rsi) =>
        new ContextBuilder().Bands(_ => (1.1020, 1.0980, 1.0940, 1.1030, 1.0930)).With(c => c.Rsi = rsi);

    [Fact]
    public void Detect_WhenUpperBandPiercedAtHighRsi_ProposesSellTargetingTheMiddleBand()
    {
        var candidate = _detector.Detect(Banded(76).Close(1.1014, 1.1026, 1.1013, 1.1015), Settings).ShouldNotBeNull();

        candidate.Side.ShouldBe(Side.Sell);
        candidate.TakeProfit.ShouldBe(1.0980);
        candidate.StopLoss.ShouldBe(1.1027, 1e-12); // beyond the extreme + 0.1 ATR → 12 pips (> 1 ATR)
        candidate.RewardRisk.ShouldBeGreaterThanOrEqualTo(1.0);
    }

    [Fact]
    public void Detect_WhenLowerBandPiercedAtLowRsi_ProposesBuy() =>
        _detector.Detect(Banded(24).Close(1.0946, 1.0947, 1.0934, 1.0945), Settings).ShouldNotBeNull().Side.ShouldBe(Side.Buy);

    [Fact]
    public void Detect_WhenRsiNotExtreme_DoesNotFire() =>
        _detector.Detect(Banded(65).Close(1.1014, 1.1026, 1.1013, 1.1015), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenCloseStaysOutsideTheBand_DoesNotFire() =>
        _detector.Detect(Banded(76).Close(1.1014, 1.1030, 1.1013, 1.1022), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenWickUnderHalf_DoesNotFire() =>
        _detector.Detect(Banded(76).Close(1.1000, 1.1023, 1.0999, 1.1018), Settings).ShouldBeNull();

    [Fact]
    public void Detect_WhenMiddleBandCloserThanTheStop_IsDiscardedForRewardRiskUnderOne()
    {
        var context = new ContextBuilder().Bands(_ => (1.1020, 1.1010, 1.1000, 1.1030, 1.0990)).With(c => c.Rsi = 76)
            .Close(1.1014, 1.1026, 1.1013, 1.1015);

        _detector.Detect(context, Settings).ShouldBeNull();
    }
}
