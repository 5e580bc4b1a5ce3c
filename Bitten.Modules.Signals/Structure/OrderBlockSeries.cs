namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Per bar: Direction 1 bullish / -1 bearish / 0 none on the block candle; Top/Bottom/Volume/Percentage
/// stored in float32 as the reference does; MitigatedIndex 0 = not mitigated.
/// </summary>
internal sealed record OrderBlockSeries(int[] Direction, float[] Top, float[] Bottom, float[] Volume, int[] MitigatedIndex, float[] Percentage);
