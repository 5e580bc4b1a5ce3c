namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Exponential moving average with k = 2/(n+1), seeded with the simple average of the first n values
/// (first value on the n-th input), then <c>ema += k * (value - ema)</c>.
/// </summary>
internal sealed class Ema
{
    private readonly double _k;
    private int _count;
    private double _seedSum;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _k = 2.0 / (period + 1);
    }

    public int Period { get; }

    public bool IsReady => _count >= Period;

    /// <summary>The current average, NaN until ready.</summary>
    public double Value { get; private set; } = double.NaN;

    public double Update(double value)
    {
        if (_count >= Period)
        {
            Value += _k * (value - Value);
            return Value;
        }

        _count++;
        _seedSum += value;
        if (_count == Period)
        {
            Value = _seedSum / Period;
        }

        return Value;
    }
}
