namespace Bitten.Modules.Signals.Engine;

/// <summary>A fixed-size window of the last values, for percentiles and medians over the last N bars.</summary>
internal sealed class RollingWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private readonly double[] _scratch = new double[capacity];
    private int _next;

    public int Count { get; private set; }

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
    }

    /// <summary>Share (0–100) of the window strictly below <paramref name="value"/>.</summary>
    public double PercentileOf(double value)
    {
        if (Count == 0)
        {
            return 50;
        }

        var below = 0;
        for (var i = 0; i < Count; i++)
        {
            if (_values[i] < value)
            {
                below++;
            }
        }

        return 100.0 * below / Count;
    }

    public double Mean()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += _values[i];
        }

        return sum / Count;
    }

    public double Median()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        Array.Copy(_values, _scratch, Count);
        Array.Sort(_scratch, 0, Count);
        return Count % 2 == 1 ? _scratch[Count / 2] : (_scratch[(Count / 2) - 1] + _scratch[Count / 2]) / 2;
    }
}
