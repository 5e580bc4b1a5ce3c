using System.Runtime.InteropServices;
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
        // Written straight into the lists' storage (sized once for the most there can be), not Add by Add:
        // this runs on every M5 close and copies up to a few hundred entries.
        view.Clear();
        var swings = m5.Swings;
        var swingsOut = Resize(view.Swings, swings.Length);
        for (var i = 0; i < swings.Length; i++)
        {
            ref readonly var s = ref swings[i];
            swingsOut[i] = new SwingLevel(s.Index, s.Kind == SwingKind.High, s.Level, s.IsSwept);
        }

        var pools = m5.LiquidityPools;
        var poolsOut = Resize(view.Pools, pools.Length);
        var n = 0;
        for (var i = 0; i < pools.Length; i++)
        {
            ref readonly var p = ref pools[i];
            if (p.IsPool)
            {
                poolsOut[n++] = new LiquidityLevel(p.Index, p.Kind == SwingKind.High, p.Level, p.IsSwept);
            }
        }

        CollectionsMarshal.SetCount(view.Pools, n);
        var gaps = m5.FairValueGaps;
        var gapsOut = Resize(view.Gaps, gaps.Length);
        n = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            ref readonly var g = ref gaps[i];
            if (!g.IsMitigated)
            {
                gapsOut[n++] = new GapZone(g.Index, ToSide(g.Direction), g.Top, g.Bottom);
            }
        }

        CollectionsMarshal.SetCount(view.Gaps, n);
        var blocks = m5.OrderBlocks;
        var blocksOut = Resize(view.OrderBlocks, blocks.Length);
        n = 0;
        for (var i = 0; i < blocks.Length; i++)
        {
            ref readonly var b = ref blocks[i];
            if (!b.IsMitigated)
            {
                // Every live order block is born of a structure break (BOS or CHOCH) at CreatedAt.
                blocksOut[n++] = new OrderBlockZone(b.Index, ToSide(b.Direction), b.Top, b.Bottom, PrecededBreak: true);
            }
        }

        CollectionsMarshal.SetCount(view.OrderBlocks, n);
        view.M15Trend = (int)m15.Trend;
    }

    private static Span<T> Resize<T>(List<T> list, int count)
    {
        CollectionsMarshal.SetCount(list, count);
        return CollectionsMarshal.AsSpan(list);
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
