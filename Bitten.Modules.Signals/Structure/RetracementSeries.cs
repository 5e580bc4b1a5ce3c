namespace Bitten.Modules.Signals.Structure;

/// <summary>Per bar: leg direction (1 up from a swing high's side, -1 down), current and deepest retracement in percent.</summary>
internal sealed record RetracementSeries(int[] Direction, double[] Current, double[] Deepest);
