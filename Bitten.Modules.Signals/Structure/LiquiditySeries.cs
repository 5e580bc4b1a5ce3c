namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Per bar: Direction 1 (equal highs) / -1 (equal lows) / 0 on the first swing of a pool; Level = float32
/// mean of the pool's swing levels; End = index of its last swing; Swept = first bar beyond the band, 0 = never.
/// </summary>
internal sealed record LiquiditySeries(int[] Direction, float[] Level, int[] End, int[] Swept);
