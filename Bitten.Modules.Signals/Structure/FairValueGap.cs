namespace Bitten.Modules.Signals.Structure;

/// <summary>A fair value gap left by the middle bar <see cref="Index"/>, known one bar later.</summary>
/// <remarks>
/// <para><c>MitigatedAt</c>: First bar (from Index + 2) that traded back into the gap, -1 while unmitigated.</para>
/// </remarks>
internal readonly record struct FairValueGap(long Index, Bias Direction, double Top, double Bottom, long KnownAt, long MitigatedAt = -1)
{
    public bool IsMitigated => MitigatedAt >= 0;

    /// <summary>Bars since the gap's middle bar.</summary>
    public long Age(long currentIndex) => currentIndex - Index;
}
