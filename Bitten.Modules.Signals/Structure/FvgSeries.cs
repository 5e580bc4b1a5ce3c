namespace Bitten.Modules.Signals.Structure;

/// <summary>
/// Per bar: Direction 1 bullish / -1 bearish / 0 none; Top and Bottom of the gap (NaN when none);
/// MitigatedIndex = first bar that traded back into the gap, 0 when never (meaningless when Direction is 0).
/// </summary>
internal sealed record FvgSeries(int[] Direction, double[] Top, double[] Bottom, int[] MitigatedIndex);
