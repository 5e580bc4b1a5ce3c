using Bitten.Modules.Signals.Indicators;

namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Whole-series ("reference mode") smart-money-concept definitions, reproducing
/// joshyattridge/smart-money-concepts 0.0.27 row for row (tests/data/smc/README.md gives every rule).
/// They look ahead (a swing needs the bars after it, the liquidity band the whole range), so they are
/// for research and for checking the live <c>MarketStructure</c>, never for live decisions.
/// </summary>
internal static partial class SmcReference
{
    /// <summary>The reference stores some levels in float32 and compares prices with the rounded value.</summary>
    private static double F32(double value) => (float)value;

    private static void Require(ReadOnlySpan<PriceBar> bars, int minimum)
    {
        if (bars.Length < minimum)
        {
            throw new ArgumentException($"Need at least {minimum} bars, got {bars.Length}.", nameof(bars));
        }
    }
}
