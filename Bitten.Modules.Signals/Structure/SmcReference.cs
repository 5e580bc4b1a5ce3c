namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Whole-series ("reference mode") smart-money-concept definitions, reproducing
/// joshyattridge/smart-money-concepts 0.0.27 row for row (tests/data/smc/README.md gives every rule).
/// They look ahead (a swing needs the bars after it, the liquidity band the whole range), so they are
/// for research and for checking the live <see cref="MarketStructure"/>, never for live decisions.
/// Levels the reference stores in float32 are float arrays here, and prices are compared with them as
/// the reference does (float widened to double).
/// </summary>
internal static partial class SmcReference
{
}
