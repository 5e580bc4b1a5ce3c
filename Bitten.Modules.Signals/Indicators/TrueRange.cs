namespace Bitten.Modules.Signals.Indicators;

/// <summary>True range: max(high-low, |high-prevClose|, |low-prevClose|); undefined (NaN) on the first bar.</summary>
internal sealed class TrueRange
{
    private double _previousClose = double.NaN;

    public bool IsReady { get; private set; }

    /// <summary>The latest true range, NaN on the first bar.</summary>
    public double Value { get; private set; } = double.NaN;

    public double Update(double high, double low, double close)
    {
        if (double.IsNaN(_previousClose))
        {
            Value = double.NaN;
        }
        else
        {
            var highLow = high - low;
            var highClose = Math.Abs(high - _previousClose);
            var lowClose = Math.Abs(low - _previousClose);
            Value = Math.Max(highLow, Math.Max(highClose, lowClose));
            IsReady = true;
        }

        _previousClose = close;
        return Value;
    }
}
