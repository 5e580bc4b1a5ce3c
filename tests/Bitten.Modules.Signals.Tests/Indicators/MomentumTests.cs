using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Tests.Indicators;

public sealed class MomentumTests
{
    [Fact]
    public void Rsi_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var rsi = new Rsi(14);
        var series = DefaultQuotes.Run(b => rsi.Update(b.Close), () => rsi.Value);

        series[0].ShouldMatch(DefaultQuotes.Expected("expected_rsi_14.csv"), "rsi");
    }

    [Fact]
    public void Rsi_WhenPricesOnlyRise_Is100()
    {
        var rsi = new Rsi(3);
        foreach (var price in new[] { 1.0, 2, 3, 4 })
        {
            rsi.Update(price);
        }

        rsi.Value.ShouldBe(100);
    }

    [Fact]
    public void Adx_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var adx = new Adx(14);
        var series = DefaultQuotes.Run(b => adx.Update(b), () => adx.PlusDi, () => adx.MinusDi, () => adx.Dx, () => adx.Value, () => adx.Adxr);
        var expected = DefaultQuotes.Expected("expected_adx_14.csv");

        series[0].ShouldMatch(expected, "pdi");
        series[1].ShouldMatch(expected, "mdi");
        series[2].ShouldMatch(expected, "dx");
        series[3].ShouldMatch(expected, "adx");
        series[4].ShouldMatch(expected, "adxr");
    }

    [Fact]
    public void IndicatorSet_WhenUpdated_AdvancesEveryIndicator()
    {
        var set = new IndicatorSet();
        foreach (var bar in DefaultQuotes.Bars)
        {
            set.Update(bar);
        }

        set.Bars.ShouldBe(DefaultQuotes.Bars.Length);
        set.Atr14.IsReady.ShouldBeTrue();
        set.Bollinger.IsReady.ShouldBeTrue();
        set.Keltner.IsReady.ShouldBeTrue();
        set.Rsi14.IsReady.ShouldBeTrue();
        set.Macd.IsReady.ShouldBeTrue();
        set.Adx14.Adxr.ShouldBeGreaterThan(0);
        set.Ema200.IsReady.ShouldBeTrue();
    }

    [Fact]
    public void IndicatorSet_WhenBollingerSitsInsideKeltner_CountsConsecutiveSqueezeBars()
    {
        var set = new IndicatorSet();
        var longest = 0;
        var squeezes = 0;
        foreach (var bar in DefaultQuotes.Bars)
        {
            var before = set.SqueezeBars;
            set.Update(bar);
            set.SqueezeBars.ShouldBe(set.IsSqueeze ? before + 1 : 0);
            longest = Math.Max(longest, set.SqueezeBars);
            squeezes += set.IsSqueeze ? 1 : 0;
        }

        squeezes.ShouldBeGreaterThan(0);
        longest.ShouldBeGreaterThan(1);
        set.VolumeSma20.IsReady.ShouldBeTrue();
    }

    [Fact]
    public void IsReady_WhenAnyIndicatorRuns_IsTrueExactlyWhenItHasAValue()
    {
        var sma = new Sma(20);
        var ema = new Ema(20);
        var tr = new TrueRange();
        var atr = new Atr(14);
        var bb = new BollingerBands(20, 2);
        var rsi = new Rsi(14);
        var keltner = new KeltnerChannels(20, 2, 10);
        var macd = new Macd(12, 26, 9);
        var adx = new Adx(14);
        foreach (var bar in DefaultQuotes.Bars)
        {
            sma.Update(bar.Close);
            ema.Update(bar.Close);
            tr.Update(bar.High, bar.Low, bar.Close);
            atr.Update(bar);
            bb.Update(bar.Close);
            rsi.Update(bar.Close);
            keltner.Update(bar);
            macd.Update(bar.Close);
            adx.Update(bar);

            sma.IsReady.ShouldBe(!double.IsNaN(sma.Value));
            ema.IsReady.ShouldBe(!double.IsNaN(ema.Value));
            tr.IsReady.ShouldBe(!double.IsNaN(tr.Value));
            atr.IsReady.ShouldBe(!double.IsNaN(atr.Value));
            bb.IsReady.ShouldBe(!double.IsNaN(bb.Upper));
            rsi.IsReady.ShouldBe(!double.IsNaN(rsi.Value));
            keltner.IsReady.ShouldBe(!double.IsNaN(keltner.Upper));
            macd.IsReady.ShouldBe(!double.IsNaN(macd.Histogram));
            adx.IsReady.ShouldBe(!double.IsNaN(adx.Value));
        }
    }
}
