namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// A swing as live mode knows it. <see cref="KnownAt"/> = <see cref="Index"/> + SwingLength. The latest
/// swing is provisional (<see cref="IsFinal"/> false) until a swing of the other kind follows: a more
/// extreme swing of the same kind before that replaces it, as the reference's run collapsing does.
/// </summary>
/// <remarks>
/// <para><c>Index</c>: Bar index of the swing bar.</para>
/// <para><c>Kind</c>: High or low.</para>
/// <para><c>Level</c>: The swing bar's high (for a high) or low (for a low).</para>
/// <para><c>KnownAt</c>: Bar index at which it became known.</para>
/// <para><c>IsFinal</c>: Whether a swing of the other kind has followed, so it can no longer be replaced.</para>
/// <para><c>BrokenAt</c>: Bar whose close went beyond the level (a structure break), -1 while unbroken.</para>
/// <para><c>SweptAt</c>: First later bar whose wick went beyond the level, -1 while unswept.</para>
/// </remarks>
internal readonly record struct SwingPoint(long Index, SwingKind Kind, double Level, long KnownAt, bool IsFinal = false, long BrokenAt = -1, long SweptAt = -1)
{
    public bool IsBroken => BrokenAt >= 0;

    public bool IsSwept => SweptAt >= 0;
}
