namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// The indicators the detectors read, for one symbol and timeframe, updated together on each closed
/// bar. Defaults follow DOMAIN §3: ATR(14), BB(20, 2σ), Keltner(EMA20 ± 1.5 × ATR20), RSI(14),
/// MACD(12, 26, 9), ADX(14), EMA 20/50/200.
/// </summary>
internal sealed class IndicatorSet
{
    public Atr Atr14 { get; } = new(14);

    public BollingerBands Bollinger { get; } = new(20, 2);

    public KeltnerChannels Keltner { get; } = new(20, 1.5, 20);

    public Rsi Rsi14 { get; } = new(14);

    public Macd Macd { get; } = new(12, 26, 9);

    public Adx Adx14 { get; } = new(14);

    public Ema Ema20 { get; } = new(20);

    public Ema Ema50 { get; } = new(50);

    public Ema Ema200 { get; } = new(200);

    /// <summary>Mean tick volume of the last 20 bars.</summary>
    public Sma VolumeSma20 { get; } = new(20);

    /// <summary>Consecutive bars, up to and including the last, on which <see cref="IsSqueeze"/> held.</summary>
    public int SqueezeBars { get; private set; }

    /// <summary>Number of bars seen.</summary>
    public long Bars { get; private set; }

    /// <summary>The last bar seen (default before the first).</summary>
    public PriceBar Last { get; private set; }

    /// <summary>Bollinger inside Keltner on both sides (the classic squeeze), false until both are ready.</summary>
    public bool IsSqueeze => Bollinger.IsReady && Keltner.IsReady && Bollinger.Upper < Keltner.Upper && Bollinger.Lower > Keltner.Lower;

    public void Update(in PriceBar bar)
    {
        Atr14.Update(bar);
        Bollinger.Update(bar.Close);
        Keltner.Update(bar);
        Rsi14.Update(bar.Close);
        Macd.Update(bar.Close);
        Adx14.Update(bar);
        Ema20.Update(bar.Close);
        Ema50.Update(bar.Close);
        Ema200.Update(bar.Close);
        VolumeSma20.Update(bar.Volume);
        SqueezeBars = IsSqueeze ? SqueezeBars + 1 : 0;
        Last = bar;
        Bars++;
    }
}
