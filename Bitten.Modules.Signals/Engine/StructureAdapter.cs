using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// Copies what live <see cref="MarketStructure"/> knows into the detectors' <see cref="StructureView"/>:
/// swings with their swept state, untaken liquidity pools, unmitigated gaps and order blocks.
/// Called before the closing bar is applied to the structure, so detectors see the prior bar's state.
/// </summary>
internal static class StructureAdapter
{
    public static void Fill(StructureView view, MarketStructure m5, MarketStructure m15)
    {
        view.Clear();
        foreach (ref readonly var s in m5.Swings)
        {
            view.Swings.Add(new SwingLevel(s.Index, s.Kind == SwingKind.High, s.Level, s.IsSwept));
        }

        foreach (ref readonly var p in m5.LiquidityPools)
        {
            if (p.IsPool)
            {
                view.Pools.Add(new LiquidityLevel(p.Index, p.Kind == SwingKind.High, p.Level, p.IsSwept));
            }
        }

        foreach (ref readonly var g in m5.FairValueGaps)
        {
            if (!g.IsMitigated)
            {
                view.Gaps.Add(new GapZone(g.Index, ToSide(g.Direction), g.Top, g.Bottom));
            }
        }

        foreach (ref readonly var b in m5.OrderBlocks)
        {
            if (!b.IsMitigated)
            {
                // Every live order block is born of a structure break (BOS or CHOCH) at CreatedAt.
                view.OrderBlocks.Add(new OrderBlockZone(b.Index, ToSide(b.Direction), b.Top, b.Bottom, PrecededBreak: true));
            }
        }

        view.M15Trend = (int)m15.Trend;
    }

    /// <summary>Bar index of the latest sweep of highs (buy-side liquidity) or lows, from the updated structure.</summary>
    public static long LastSweep(MarketStructure m5, bool ofHighs)
    {
        long last = -1;
        foreach (ref readonly var s in m5.Swings)
        {
            if ((s.Kind == SwingKind.High) == ofHighs && s.SweptAt > last)
            {
                last = s.SweptAt;
            }
        }

        foreach (ref readonly var p in m5.LiquidityPools)
        {
            if ((p.Kind == SwingKind.High) == ofHighs && p.SweptAt > last)
            {
                last = p.SweptAt;
            }
        }

        return last;
    }

    /// <summary>Distance in price from <paramref name="entry"/> to the nearest untaken opposing pool (above for a buy), or NaN.</summary>
    public static double NearestOpposingLiquidity(MarketStructure m5, Side side, double entry)
    {
        var best = double.NaN;
        foreach (ref readonly var p in m5.LiquidityPools)
        {
            if (p.IsSwept || !p.IsPool)
            {
                continue;
            }

            var distance = side == Side.Buy ? p.Level - entry : entry - p.Level;
            if ((p.Kind == SwingKind.High) == (side == Side.Buy) && distance >= 0 && (double.IsNaN(best) || distance < best))
            {
                best = distance;
            }
        }

        return best;
    }

    private static Side ToSide(Bias bias) => bias == Bias.Bullish ? Side.Buy : Side.Sell;
}
