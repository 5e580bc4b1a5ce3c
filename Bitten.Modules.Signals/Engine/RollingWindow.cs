namespace Bitten.Modules.Signals.Engine;

/// <summary>
/// A fixed-size window of the last values, for percentiles and medians over the last N bars. Besides the
/// values in arrival order it keeps them sorted (one binary search and one short block move per
/// <see cref="Add"/>), so <see cref="Median"/> and <see cref="PercentileOf"/> — asked on every M5 close —
/// read the answer instead of sorting or scanning the window. A NaN has no place in a sorted order, so
/// while one is in the window the answers are computed from the values in arrival order, as before.
/// </summary>
internal sealed class RollingWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private readonly double[] _sorted = new double[capacity];
    private readonly double[] _scratch = new double[capacity];
    private int _next;
    private int _sortedCount;
    private int _nanCount;

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (Count == _values.Length)
        {
            Forget(_values[_next]);
        }

        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
        if (double.IsNaN(value))
        {
            _nanCount++;
            return;
        }

        var at = LowerBound(value);
        Array.Copy(_sorted, at, _sorted, at + 1, _sortedCount - at);
        _sorted[at] = value;
        _sortedCount++;
    }

    /// <summary>Share (0–100) of the window strictly below <paramref name="value"/>.</summary>
    public double PercentileOf(double value)
    {
        if (Count == 0)
        {
            return 50;
        }

        // NaN in the window is never below anything, and nothing is below a NaN: the sorted values answer alone.
        var below = double.IsNaN(value) ? 0 : LowerBound(value);
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

        var sorted = _sorted;
        if (_nanCount > 0)
        {
            Array.Copy(_values, _scratch, Count);
            Array.Sort(_scratch, 0, Count);
            sorted = _scratch;
        }

        return Count % 2 == 1 ? sorted[Count / 2] : (sorted[(Count / 2) - 1] + sorted[Count / 2]) / 2;
    }

    private void Forget(double value)
    {
        if (double.IsNaN(value))
        {
            _nanCount--;
            return;
        }

        // Any entry equal to the value will do: equal doubles are interchangeable for every answer given here.
        var at = LowerBound(value);
        Array.Copy(_sorted, at + 1, _sorted, at, _sortedCount - at - 1);
        _sortedCount--;
    }

    /// <summary>Number of sorted values strictly below <paramref name="value"/> (not NaN).</summary>
    private int LowerBound(double value)
    {
        int lo = 0, hi = _sortedCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
