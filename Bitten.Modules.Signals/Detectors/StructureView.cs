using Bitten.Contracts.Common;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>A swing high or low the detectors may use (known, i.e. confirmed, as of the previous bar).</summary>
internal readonly record struct SwingLevel(long BarIndex, bool IsHigh, double Level, bool Swept);

/// <summary>A liquidity pool: several swings at one level (DOMAIN §4); <see cref="IsHigh"/> for buy-side liquidity above price.</summary>
internal readonly record struct LiquidityLevel(long BarIndex, bool IsHigh, double Level, bool Swept);

/// <summary>An unmitigated order block that preceded a break of structure.</summary>
internal readonly record struct OrderBlockZone(long BarIndex, Side Direction, double Top, double Bottom, bool PrecededBreak);

/// <summary>An unmitigated fair value gap; <see cref="Direction"/> Buy for a bullish gap (below price).</summary>
internal readonly record struct GapZone(long BarIndex, Side Direction, double Top, double Bottom)
{
    public double Mid => (Top + Bottom) * 0.5;
}

/// <summary>Market structure as the detectors see it: what was knowable at the previous bar's close.</summary>
internal sealed class StructureView
{
    public List<SwingLevel> Swings { get; } = new(64);

    public List<LiquidityLevel> Pools { get; } = new(32);

    public List<OrderBlockZone> OrderBlocks { get; } = new(32);

    public List<GapZone> Gaps { get; } = new(32);

    /// <summary>+1 bullish, −1 bearish, 0 unknown: the M15 structure direction (last break of structure).</summary>
    public int M15Trend { get; set; }

    /// <summary>Bar index of the most recent liquidity sweep in each direction (for CITADEL), or -1.</summary>
    public long LastSweepOfHighsBar { get; set; } = -1;

    public long LastSweepOfLowsBar { get; set; } = -1;

    public void Clear()
    {
        Swings.Clear();
        Pools.Clear();
        OrderBlocks.Clear();
        Gaps.Clear();
        M15Trend = 0;
        LastSweepOfHighsBar = LastSweepOfLowsBar = -1;
    }
}
