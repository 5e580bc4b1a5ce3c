namespace Bitten.Modules.Signals.Structure;

/// <summary>Parameters of live <see cref="MarketStructure"/> (DOMAIN §4).</summary>
internal sealed record MarketStructureOptions
{
    /// <summary>Swing window: a swing is the extreme of bars i-L+1..i+L and becomes known L bars after its bar.</summary>
    public int SwingLength { get; init; } = 5;

    /// <summary>Liquidity band as a multiple of ATR (taken when the pool's first swing becomes final).</summary>
    public double LiquidityRange { get; init; } = 0.1;

    public int LiquidityAtrPeriod { get; init; } = 14;

    /// <summary>A fixed liquidity band in price units instead of <see cref="LiquidityRange"/> × ATR (for comparing with the reference).</summary>
    public double? LiquidityBand { get; init; }

    /// <summary>Merge runs of same-direction gaps into the last one, as the reference's join_consecutive does.</summary>
    public bool JoinConsecutiveGaps { get; init; }

    /// <summary>Round order-block and pool levels through float32 as the reference stores them (only to reproduce its ties).</summary>
    public bool RoundLevelsToFloat32 { get; init; }

    /// <summary>At least 2 (the latest high and the latest low).</summary>
    public int SwingCapacity { get; init; } = 64;

    public int GapCapacity { get; init; } = 64;

    public int BlockCapacity { get; init; } = 64;

    public int PoolCapacity { get; init; } = 64;
}
