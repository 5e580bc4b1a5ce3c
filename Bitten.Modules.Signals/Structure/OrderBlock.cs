namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// An order block: the last opposite candle (<see cref="Index"/>) before the close at <see cref="CreatedAt"/>
/// broke the swing at <see cref="SwingIndex"/>. Mitigated (a "breaker") once price trades through its far
/// side; dropped from the live list when price then trades beyond its near side.
/// </summary>
/// <remarks>
/// <para><c>Break</c>: The structure break that created it (BOS or CHOCH).</para>
/// <para><c>MitigatedAt</c>: Bar that traded through the far side, -1 while unmitigated.</para>
/// <para><c>FollowedByBos</c>: A later break of structure in the block's direction happened while it was live.</para>
/// </remarks>
internal readonly record struct OrderBlock(
    long Index,
    Bias Direction,
    double Top,
    double Bottom,
    long SwingIndex,
    long CreatedAt,
    StructureBreakKind Break,
    long MitigatedAt = -1,
    bool FollowedByBos = false)
{
    public bool IsMitigated => MitigatedAt >= 0;

    /// <summary>Bars since the block candle.</summary>
    public long Age(long currentIndex) => currentIndex - Index;
}
