using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Tests.Indicators;

public sealed class VolatilityTests
{
    [Fact]
    public void TrueRange_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var tr = new TrueRange();
        var series = DefaultQuotes.Run(b => tr.Update(b.High, b.Low, b.Close), () => tr.Value);

        series[0].ShouldMatch(DefaultQuotes.Expected("expected_tr.csv"), "tr");
    }

    [Fact]
    public void Atr_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var atr = new Atr(14);
        var close = 0.0;
        var series = DefaultQuotes.Run(
            b =>
            {
                atr.Update(b);
                close = b.Close;
            },
            () => atr.TrueRange,
            () => atr.Value,
            () => atr.Value / close * 100);
        var expected = DefaultQuotes.Expected("expected_atr_14.csv");

        series[0].ShouldMatch(expected, "tr");
        series[1].ShouldMatch(expected, "atr");
        series[2].ShouldMatch(expected, "atrp");
    }

    [Fact]
    public void BollingerBands_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var bb = new BollingerBands(20, 2);
        var series = DefaultQuotes.Run(b => bb.Update(b.Close), () => bb.Middle, () => bb.Upper, () => bb.Lower, () => bb.PercentB, () => bb.ZScore, () => bb.Width);
        var expected = DefaultQuotes.Expected("expected_bb_20_2.csv");

        series[0].ShouldMatch(expected, "sma");
        series[1].ShouldMatch(expected, "upperBand");
        series[2].ShouldMatch(expected, "lowerBand");
        series[3].ShouldMatch(expected, "percentB");
        series[4].ShouldMatch(expected, "zScore");
        series[5].ShouldMatch(expected, "width");
    }

    [Fact]
    public void BollingerBands_WhenPricesAreFxSized_KeepTheStandardDeviationPrecise()
    {
        var bb = new BollingerBands(4, 2);
        foreach (var price in new[] { 1.08001, 1.08003, 1.08005, 1.08007 })
        {
            bb.Update(price);
        }

        bb.StandardDeviation.ShouldBe(Math.Sqrt(5e-10), 1e-15);
    }

    [Fact]
    public void Keltner_WhenRunOverDefaultQuotesWithReferenceParameters_MatchesStockIndicatorsEveryRow()
    {
        var keltner = new KeltnerChannels(20, 2, 10);
        var series = DefaultQuotes.Run(b => keltner.Update(b), () => keltner.Upper, () => keltner.Centerline, () => keltner.Lower, () => keltner.Width);
        var expected = DefaultQuotes.Expected("expected_keltner_20_2_10.csv");

        series[0].ShouldMatch(expected, "upperBand");
        series[1].ShouldMatch(expected, "centerline");
        series[2].ShouldMatch(expected, "lowerBand");
        series[3].ShouldMatch(expected, "width");
    }

    [Fact]
    public void Keltner_WhenDomainDefaults_IsEma20PlusMinusOneAndAHalfAtr20()
    {
        var keltner = new KeltnerChannels(20, 1.5, 20);
        var ema = new Ema(20);
        var atr = new Atr(20);
        foreach (var bar in DefaultQuotes.Bars)
        {
            keltner.Update(bar);
            ema.Update(bar.Close);
            atr.Update(bar);
            keltner.IsReady.ShouldBe(ema.IsReady && atr.IsReady);
            if (keltner.IsReady)
            {
                keltner.Upper.ShouldBe(ema.Value + (1.5 * atr.Value));
                keltner.Lower.ShouldBe(ema.Value - (1.5 * atr.Value));
            }
        }

        keltner.Atr.ShouldBe(atr.Value);
    }

    [Fact]
    public void PriceBar_WhenConvertedFromDecimal_KeepsEveryField()
    {
        var bar = PriceBar.FromDecimal(1_700_000_000_000, 1.08123m, 1.08200m, 1.08001m, 1.08150m, 42m);

        bar.ShouldBe(new PriceBar(1_700_000_000_000, 1.08123, 1.082, 1.08001, 1.0815, 42));
    }
}
