namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// MACD: fast EMA - slow EMA (both SMA-seeded); the signal is an SMA-seeded EMA of the MACD line,
/// starting with the first MACD value; histogram = MACD - signal.
/// </summary>
internal sealed class Macd
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fastPeriod, slowPeriod);
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public double FastEma => _fast.Value;

    public double SlowEma => _slow.Value;

    /// <summary>Fast - slow, NaN until the slow EMA is ready.</summary>
    public double Value { get; private set; } = double.NaN;

    /// <summary>NaN until <c>signalPeriod</c> MACD values exist.</summary>
    public double Signal => _signal.Value;

    public double Histogram => Value - Signal;

    /// <summary>True once the signal line (and so everything) has a value.</summary>
    public bool IsReady => _signal.IsReady;

    public void Update(double value)
    {
        _fast.Update(value);
        _slow.Update(value);
        if (!_slow.IsReady)
        {
            return;
        }

        Value = _fast.Value - _slow.Value;
        _signal.Update(Value);
    }
}
