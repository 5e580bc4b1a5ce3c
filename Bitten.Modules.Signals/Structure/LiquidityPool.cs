namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Equal highs (or lows): final swings of one kind whose levels lie within ± <see cref="Band"/> of the
/// first one's (<see cref="Index"/>), collected until the band is swept. A pool with one swing is only a
/// candidate; <see cref="IsPool"/> needs two.
/// </summary>
/// <remarks>
/// <para><c>Level</c>: Mean of the member swings' levels.</para>
/// <para><c>End</c>: Index of the last member swing.</para>
/// <para><c>SweptAt</c>: First bar beyond the anchor level ± band, -1 while unswept.</para>
/// </remarks>
internal readonly record struct LiquidityPool(long Index, SwingKind Kind, double AnchorLevel, double Band, double Level, double LevelSum, int Count, long End, long SweptAt = -1)
{
    public bool IsPool => Count >= 2;

    public bool IsSwept => SweptAt >= 0;
}
