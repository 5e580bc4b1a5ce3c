namespace Bitten.Modules.Signals.Structure;

/// <summary>Per bar: the reference period's high/low (float32, NaN when none) and whether price has gone beyond them.</summary>
internal sealed record PreviousHighLowSeries(float[] PreviousHigh, float[] PreviousLow, bool[] BrokenHigh, bool[] BrokenLow);
