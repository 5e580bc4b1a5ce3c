namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Bollinger Bands: middle = SMA(n), bands = middle ± k·σ with the POPULATION standard deviation
/// (divide by n); also %B, z-score and width. The window is summed in time order, twice (mean, then
/// squared deviations): O(n) per value with no allocation. A running sum of squares would be O(1) but
/// loses most of its digits on FX prices (σ is ~1e-4 of a price near 1), so the bands would drift.
/// </summary>
internal sealed class BollingerBands
{
    private readonly double[] _window;
    private readonly double _multiplier;
    private int _count;
    private int _next;

    public BollingerBands(int period, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _window = new double[period];
        _multiplier = multiplier;
    }

    public int Period => _window.Length;

    public bool IsReady => _count >= _window.Length;

    public double Middle { get; private set; } = double.NaN;

    public double Upper { get; private set; } = double.NaN;

    public double Lower { get; private set; } = double.NaN;

    /// <summary>Population standard deviation of the window.</summary>
    public double StandardDeviation { get; private set; } = double.NaN;

    /// <summary>(value - lower) / (upper - lower); NaN when the bands touch.</summary>
    public double PercentB { get; private set; } = double.NaN;

    /// <summary>(value - middle) / σ; NaN when σ is 0.</summary>
    public double ZScore { get; private set; } = double.NaN;

    /// <summary>(upper - lower) / middle; NaN when middle is 0.</summary>
    public double Width { get; private set; } = double.NaN;

    public void Update(double value)
    {
        _window[_next] = value;
        _next = (_next + 1) % _window.Length;
        if (_count < _window.Length)
        {
            _count++;
        }

        if (!IsReady)
        {
            return;
        }

        var n = _window.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += _window[(_next + i) % n];
        }

        var mean = sum / n;
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var deviation = _window[(_next + i) % n] - mean;
            squares += deviation * deviation;
        }

        var sd = Math.Sqrt(squares / n);
        Middle = mean;
        StandardDeviation = sd;
        Upper = mean + (_multiplier * sd);
        Lower = mean - (_multiplier * sd);
        PercentB = Upper - Lower == 0 ? double.NaN : (value - Lower) / (Upper - Lower);
        ZScore = sd == 0 ? double.NaN : (value - mean) / sd;
        Width = mean == 0 ? double.NaN : (Upper - Lower) / mean;
    }
}
