namespace Bitten.Modules.Signals.Structure;

/// <summary>Per bar: 1 = swing high, -1 = swing low, 0 = none; Level = high / low of the swing bar, NaN when none.</summary>
internal sealed record SwingSeries(int[] Kind, double[] Level)
{
    public int Count => Kind.Length;
}
