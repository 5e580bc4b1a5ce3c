namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// One closed bar as the indicator and market-structure maths see it: plain doubles (prices are
/// converted from decimal once, at the edge, with <see cref="FromDecimal"/>) and the bar's open time in
/// Unix milliseconds (UTC).
/// </summary>
internal readonly record struct PriceBar(long OpenTimeMs, double Open, double High, double Low, double Close, double Volume)
{
    /// <summary>The one visible conversion from the decimal prices of the edges to the double maths.</summary>
    public static PriceBar FromDecimal(long openTimeMs, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new(openTimeMs, (double)open, (double)high, (double)low, (double)close, (double)volume);
}
