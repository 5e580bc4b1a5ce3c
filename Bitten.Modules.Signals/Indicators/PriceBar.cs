namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// One closed bar as the indicator and market-structure maths see it: plain doubles (prices are
/// converted from decimal once, at the edge) and the bar's open time in Unix milliseconds (UTC).
/// </summary>
internal readonly record struct PriceBar(long OpenTimeMs, double Open, double High, double Low, double Close, double Volume);
