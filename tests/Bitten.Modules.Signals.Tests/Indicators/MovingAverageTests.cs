using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Tests.Indicators;

public sealed class MovingAverageTests
{
    [Fact]
    public void Sma_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var sma = new Sma(20);
        var series = DefaultQuotes.Run(b => sma.Update(b.Close), () => sma.Value);

        series[0].ShouldMatch(DefaultQuotes.Expected("expected_sma_20.csv"), "sma");
    }

    [Fact]
    public void Ema_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var ema = new Ema(20);
        var series = DefaultQuotes.Run(b => ema.Update(b.Close), () => ema.Value);

        series[0].ShouldMatch(DefaultQuotes.Expected("expected_ema_20.csv"), "ema");
    }

    [Fact]
    public void Ema_WhenFewerValuesThanPeriod_IsNotReady()
    {
        var ema = new Ema(3);
        ema.Update(1);
        ema.Update(2);

        ema.IsReady.ShouldBeFalse();
        double.IsNaN(ema.Value).ShouldBeTrue();
        ema.Update(6).ShouldBe(3);
        ema.IsReady.ShouldBeTrue();
    }

    [Fact]
    public void Macd_WhenRunOverDefaultQuotes_MatchesStockIndicatorsEveryRow()
    {
        var macd = new Macd(12, 26, 9);
        var series = DefaultQuotes.Run(b => macd.Update(b.Close), () => macd.Value, () => macd.Signal, () => macd.Histogram, () => macd.FastEma, () => macd.SlowEma);
        var expected = DefaultQuotes.Expected("expected_macd_12_26_9.csv");

        series[0].ShouldMatch(expected, "macd");
        series[1].ShouldMatch(expected, "signal");
        series[2].ShouldMatch(expected, "histogram");
        series[3].ShouldMatch(expected, "fastEma");
        series[4].ShouldMatch(expected, "slowEma");
    }

    [Fact]
    public void Sma_WhenStreamIsLong_DoesNotDrift()
    {
        var sma = new Sma(20);
        for (var i = 0; i < 1_000_000; i++)
        {
            sma.Update(1.08 + (i % 7 * 0.0001));
        }

        var exact = 0.0;
        for (var i = 1_000_000 - 20; i < 1_000_000; i++)
        {
            exact += 1.08 + (i % 7 * 0.0001);
        }

        sma.Value.ShouldBe(exact / 20, 1e-15);
    }
}
