namespace Bitten.Simulator.Market;

/// <summary>
/// The price process of one symbol. Log-price diffusion whose per-second volatility is the symbol's
/// daily volatility scaled by the session's activity and by a GARCH(1,1)-like factor updated every
/// simulated minute (volatility clusters); a regime (range with mean reversion, or a trend with drift)
/// that switches every hour or two; occasional sweeps that run past the last hour's high or low and
/// snap back; a weak pull to the base price so a week stays in a plausible band.
/// </summary>
internal sealed class SymbolPath
{
    private const double GarchOmega = 0.06;
    private const double GarchAlpha = 0.12;
    private const double GarchBeta = 0.82;
    private const int MinutesOfHistory = 60;

    private readonly SymbolProfile _profile;
    private readonly Random _random;
    private readonly double _sigmaPerSecond;
    private readonly double _ticksPerSecond;
    private readonly double _spreadPips;
    private readonly double[] _minuteHighs = new double[MinutesOfHistory];
    private readonly double[] _minuteLows = new double[MinutesOfHistory];
    private double _logPrice;
    private double _h = 1.0;
    private double _minuteSigma;
    private long _minute = -1;
    private double _minuteOpen;
    private double _minuteHigh;
    private double _minuteLow;
    private int _minutesSeen;
    private Regime _regime = Regime.Range;
    private long _regimeEndsMs;
    private double _anchor;
    private double _sweepTarget;
    private double _sweepReturn;
    private long _sweepEndsMs;
    private bool _sweeping;
    private bool _returning;

    public SymbolPath(SymbolProfile profile, int seed, double spreadPips, double ticksPerSecond, double startPrice)
    {
        _profile = profile;
        _random = new Random(seed);
        _sigmaPerSecond = profile.DailyVolatility / Math.Sqrt(86_400);
        _ticksPerSecond = ticksPerSecond;
        _spreadPips = spreadPips;
        _logPrice = Math.Log(startPrice);
        _anchor = _logPrice;
    }

    public SymbolProfile Profile => _profile;

    public double Mid => Math.Exp(_logPrice);

    /// <summary>Seconds until the next tick from <paramref name="utc"/> (exponential, rate by session).</summary>
    public double NextGapSeconds(DateTimeOffset utc)
    {
        var rate = _ticksPerSecond * MarketSessions.Activity(MarketSessions.At(utc), _profile.IsAsiaPacific);
        return -Math.Log(1 - _random.NextDouble()) / Math.Max(rate, 1e-6);
    }

    /// <summary>Moves the price by <paramref name="dtSeconds"/> and returns the quote at <paramref name="tsMs"/>.</summary>
    public (decimal Bid, decimal Ask) Step(long tsMs, double dtSeconds)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(tsMs);
        var session = MarketSessions.At(utc);
        var activity = MarketSessions.Activity(session, _profile.IsAsiaPacific);
        RollMinute(tsMs);
        UpdateRegime(tsMs, activity);

        var sigma = _sigmaPerSecond * activity * Math.Sqrt(_h);
        _minuteSigma = sigma;
        var drift = Drift(tsMs, sigma);
        var shock = Normal() * (_random.NextDouble() < 0.02 ? 2.5 : 1.0);
        dtSeconds = Math.Clamp(dtSeconds, 0.001, 600);
        _logPrice += drift * dtSeconds + sigma * Math.Sqrt(dtSeconds) * shock;
        var mid = Math.Exp(_logPrice);
        _minuteHigh = Math.Max(_minuteHigh, mid);
        _minuteLow = Math.Min(_minuteLow, mid);

        var spreadFactor = MarketSessions.SpreadFactor(session, _profile.IsAsiaPacific);
        if (utc.UtcDateTime.DayOfWeek == DayOfWeek.Sunday)
        {
            spreadFactor *= 2; // the first hour after the weekend is thin
        }

        var spread = _spreadPips * _profile.PipSize * spreadFactor * (0.85 + 0.3 * _random.NextDouble());
        var point = (decimal)_profile.Point;
        var spreadPoints = Math.Max(1, (int)Math.Round(spread / _profile.Point));
        var bid = Math.Round((decimal)(mid - spread / 2), _profile.Digits);
        return (bid, bid + spreadPoints * point);
    }

    private double Drift(long tsMs, double sigma)
    {
        // weak pull to the base price (half-life of a few days) keeps a simulated week plausible
        var drift = -(_logPrice - Math.Log(_profile.BasePrice)) / (3 * 86_400.0);
        if (_sweeping)
        {
            var target = _returning ? _sweepReturn : _sweepTarget;
            drift += (target - _logPrice) / (_returning ? 120.0 : 45.0);
            if (!_returning && Math.Abs(_logPrice - _sweepTarget) < sigma * 3)
            {
                _returning = true;
            }

            if (tsMs >= _sweepEndsMs)
            {
                _sweeping = false;
            }

            return drift;
        }

        return drift + _regime switch
        {
            Regime.TrendUp => 0.02 * sigma,
            Regime.TrendDown => -0.02 * sigma,
            _ => -(_logPrice - _anchor) / 1_200.0,
        };
    }

    private void UpdateRegime(long tsMs, double activity)
    {
        if (tsMs >= _regimeEndsMs)
        {
            var u = _random.NextDouble();
            _regime = u < 0.45 ? Regime.Range : u < 0.725 ? Regime.TrendUp : Regime.TrendDown;
            _anchor = _logPrice;
            _regimeEndsMs = tsMs + (long)(Exponential(90) * 60_000) + 10 * 60_000;
        }

        // a sweep starts about once per two busy hours per symbol
        if (!_sweeping && _minutesSeen >= 20 && _random.NextDouble() < 0.00025 * activity)
        {
            StartSweep(tsMs);
        }
    }

    private void StartSweep(long tsMs)
    {
        var span = Math.Min(_minutesSeen, MinutesOfHistory);
        double high = double.MinValue, low = double.MaxValue;
        for (var i = 0; i < span; i++)
        {
            high = Math.Max(high, _minuteHighs[i]);
            low = Math.Min(low, _minuteLows[i]);
        }

        var m5Move = _sigmaPerSecond * Math.Sqrt(300);
        var up = _random.NextDouble() < 0.5;
        var extreme = Math.Log(up ? high : low);
        var overshoot = (0.2 + 0.4 * _random.NextDouble()) * m5Move;
        if (Math.Abs(extreme - _logPrice) > 6 * m5Move)
        {
            return; // too far away to be swept now
        }

        _sweepTarget = extreme + (up ? overshoot : -overshoot);
        _sweepReturn = _logPrice;
        _sweepEndsMs = tsMs + 8 * 60_000;
        _sweeping = true;
        _returning = false;
    }

    private void RollMinute(long tsMs)
    {
        var minute = tsMs / 60_000;
        if (minute == _minute)
        {
            return;
        }

        var mid = Math.Exp(_logPrice);
        if (_minute >= 0)
        {
            var slot = (int)(_minute % MinutesOfHistory);
            _minuteHighs[slot] = _minuteHigh;
            _minuteLows[slot] = _minuteLow;
            _minutesSeen++;

            // GARCH(1,1) on standardised minute returns: big minutes raise the next minutes' volatility
            var expected = _minuteSigma * Math.Sqrt(60);
            var z = expected > 0 ? Math.Log(mid / _minuteOpen) / expected : 0;
            var gap = Math.Min(minute - _minute, 60);
            _h = GarchOmega + GarchAlpha * Math.Min(z * z, 25) * _h + GarchBeta * _h;
            for (var i = 1; i < gap; i++)
            {
                _h = GarchOmega + (GarchAlpha + GarchBeta) * _h; // quiet minutes relax toward the mean
            }

            _h = Math.Clamp(_h, 0.25, 6);
        }

        _minute = minute;
        _minuteOpen = mid;
        _minuteHigh = mid;
        _minuteLow = mid;
    }

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private double Exponential(double mean) => -Math.Log(1 - _random.NextDouble()) * mean;

    private enum Regime
    {
        Range,
        TrendUp,
        TrendDown,
    }
}
