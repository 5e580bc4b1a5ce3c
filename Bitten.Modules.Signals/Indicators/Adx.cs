namespace Bitten.Modules.Signals.Indicators;

/// <summary>
/// Wilder's directional movement: +DI/−DI from Wilder sums of TR, +DM and −DM (seeded with the plain
/// sums over bars 1..n, then <c>s = s - s/n + x</c>); DX = 100·|+DI − −DI| / (+DI + −DI); ADX = mean of
/// the first n DX values, then Wilder-smoothed; ADXR = (ADX + ADX n bars earlier) / 2.
/// </summary>
internal sealed class Adx
{
    private readonly TrueRange _trueRange = new();
    private readonly double[] _adxHistory;
    private double _previousHigh = double.NaN;
    private double _previousLow = double.NaN;
    private int _moves;
    private double _smoothedTr;
    private double _smoothedPlusDm;
    private double _smoothedMinusDm;
    private int _dxCount;
    private double _dxSum;
    private int _adxCount;

    public Adx(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _adxHistory = new double[period];
    }

    public int Period { get; }

    /// <summary>True once ADX has a value (ADXR needs another n bars: see <see cref="Adxr"/>).</summary>
    public bool IsReady => _adxCount > 0;

    public double PlusDi { get; private set; } = double.NaN;

    public double MinusDi { get; private set; } = double.NaN;

    public double Dx { get; private set; } = double.NaN;

    public double Value { get; private set; } = double.NaN;

    public double Adxr { get; private set; } = double.NaN;

    public void Update(double high, double low, double close)
    {
        var tr = _trueRange.Update(high, low, close);
        var first = double.IsNaN(_previousHigh);
        var up = high - _previousHigh;
        var down = _previousLow - low;
        _previousHigh = high;
        _previousLow = low;
        if (first)
        {
            return;
        }

        var plusDm = up > down && up > 0 ? up : 0;
        var minusDm = down > up && down > 0 ? down : 0;
        if (_moves < Period)
        {
            _moves++;
            _smoothedTr += tr;
            _smoothedPlusDm += plusDm;
            _smoothedMinusDm += minusDm;
            if (_moves < Period)
            {
                return;
            }
        }
        else
        {
            _smoothedTr = _smoothedTr - (_smoothedTr / Period) + tr;
            _smoothedPlusDm = _smoothedPlusDm - (_smoothedPlusDm / Period) + plusDm;
            _smoothedMinusDm = _smoothedMinusDm - (_smoothedMinusDm / Period) + minusDm;
        }

        PlusDi = 100 * _smoothedPlusDm / _smoothedTr;
        MinusDi = 100 * _smoothedMinusDm / _smoothedTr;
        var diSum = PlusDi + MinusDi;
        Dx = PlusDi == MinusDi ? 0 : 100 * Math.Abs(PlusDi - MinusDi) / diSum;
        UpdateAdx(Dx);
    }

    public void Update(in PriceBar bar) => Update(bar.High, bar.Low, bar.Close);

    private void UpdateAdx(double dx)
    {
        if (_dxCount < Period)
        {
            _dxCount++;
            _dxSum += dx;
            if (_dxCount < Period)
            {
                return;
            }

            Value = _dxSum / Period;
        }
        else
        {
            Value = ((Value * (Period - 1)) + dx) / Period;
        }

        var slot = _adxCount % Period;
        if (_adxCount >= Period)
        {
            Adxr = (Value + _adxHistory[slot]) / 2;
        }

        _adxHistory[slot] = Value;
        _adxCount++;
    }
}
