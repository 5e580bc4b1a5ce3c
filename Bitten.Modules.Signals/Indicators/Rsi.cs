namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Wilder's RSI: gains and losses of close-to-close changes; the first value (on the (n+1)-th input)
/// uses the simple means of the first n changes, then <c>avg = (avg*(n-1) + x) / n</c>. 100 when the
/// average loss is 0.
/// </summary>
internal sealed class Rsi
{
    private double _previous = double.NaN;
    private int _changes;
    private double _averageGain;
    private double _averageLoss;

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public bool IsReady => _changes >= Period;

    /// <summary>The current RSI in [0, 100], NaN until ready.</summary>
    public double Value { get; private set; } = double.NaN;

    public double Update(double value)
    {
        if (double.IsNaN(_previous))
        {
            _previous = value;
            return Value;
        }

        var change = value - _previous;
        _previous = value;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;

        if (_changes >= Period)
        {
            _averageGain = ((_averageGain * (Period - 1)) + gain) / Period;
            _averageLoss = ((_averageLoss * (Period - 1)) + loss) / Period;
        }
        else
        {
            _changes++;
            _averageGain += gain;
            _averageLoss += loss;
            if (_changes < Period)
            {
                return Value;
            }

            _averageGain /= Period;
            _averageLoss /= Period;
        }

        Value = _averageLoss > 0 ? 100 - (100 / (1 + (_averageGain / _averageLoss))) : 100;
        return Value;
    }
}
