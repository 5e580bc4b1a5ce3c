namespace Bitten.Modules.Signals.Structure;

/// <summary>A direction: bullish (up) or bearish (down). Values match the reference's ±1.</summary>
internal enum Bias
{
    None = 0,
    Bullish = 1,
    Bearish = -1,
}
