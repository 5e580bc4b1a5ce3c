namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Wilder's average true range: the first value (bar index n) is the mean of TR over bars 1..n, then
/// <c>atr = (atr*(n-1) + tr) / n</c>.
/// </summary>
internal sealed class Atr
{
    private readonly TrueRange _trueRange = new();
    private int _trueRanges;
    private double _seedSum;

    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public bool IsReady => _trueRanges >= Period;

    /// <summary>The latest true range (NaN on the first bar).</summary>
    public double TrueRange => _trueRange.Value;

    /// <summary>The current ATR, NaN until ready.</summary>
    public double Value { get; private set; } = double.NaN;

    public double Update(double high, double low, double close)
    {
        var tr = _trueRange.Update(high, low, close);
        if (!_trueRange.IsReady)
        {
            return Value;
        }

        if (_trueRanges >= Period)
        {
            Value = ((Value * (Period - 1)) + tr) / Period;
            return Value;
        }

        _trueRanges++;
        _seedSum += tr;
        if (_trueRanges == Period)
        {
            Value = _seedSum / Period;
        }

        return Value;
    }

    public double Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);
}
