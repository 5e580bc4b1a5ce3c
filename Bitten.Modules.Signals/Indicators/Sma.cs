namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Simple moving average over the last <c>period</c> values: a running sum over a preallocated ring, O(1)
/// per value, re-summed exactly once per lap of the ring (amortised O(1)) so rounding never accumulates
/// over a long-lived stream.
/// </summary>
internal sealed class Sma
{
    private readonly double[] _window;
    private int _count;
    private int _next;
    private double _sum;

    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
    }

    public int Period => _window.Length;

    public bool IsReady => _count >= _window.Length;

    /// <summary>The average of the last <see cref="Period"/> values, NaN until ready.</summary>
    public double Value { get; private set; } = double.NaN;

    public double Update(double value)
    {
        if (_count >= _window.Length)
        {
            _sum -= _window[_next];
        }
        else
        {
            _count++;
        }

        _window[_next] = value;
        _sum += value;
        _next = (_next + 1) % _window.Length;
        if (_next == 0)
        {
            _sum = 0;
            foreach (var item in _window)
            {
                _sum += item;
            }
        }

        Value = IsReady ? _sum / _window.Length : double.NaN;
        return Value;
    }
}
