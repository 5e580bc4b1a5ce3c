using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Candles;

/// <summary>
/// The per-symbol checks that need history (DOMAIN §2): spread over <c>MaxSpreadPips</c>, or a jump
/// from the last accepted mid over <c>MaxJumpAtr</c> × ATR(14) of M1 bars (before the ATR is known,
/// a jump over <c>MaxJumpFraction</c> of the price). The ATR is Wilder's over closed M1 ranges.
/// A jump is an outlier only while the market does not confirm it: the first tick after a silence
/// longer than the gap (a weekend or session open) is accepted as the new reference, and so is a new
/// level once <see cref="ConfirmingTicks"/> consecutive ticks agree on it — otherwise one real gap
/// would lock the symbol out for good.
/// </summary>
internal sealed class TickValidator(double pipSize, double maxSpreadPips, double maxJumpAtr, double maxJumpFraction, long gapMs = 15 * 60_000)
{
    public const int ConfirmingTicks = 3;
    private const int AtrPeriod = 14;
    private double _lastMid = double.NaN;
    private long _lastMs = long.MinValue;
    private double _candidateMid = double.NaN;
    private int _candidateCount;
    private double _lastClose = double.NaN;
    private double _atr;
    private int _trCount;

    public double Atr => _trCount >= AtrPeriod ? _atr : double.NaN;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public IngestRejectReason Check(double bid, double ask, long tsMs)
    {
        if ((ask - bid) / pipSize > maxSpreadPips)
        {
            return IngestRejectReason.SpreadTooWide;
        }

        var mid = (bid + ask) * 0.5;
        if (!double.IsNaN(_lastMid) && tsMs - _lastMs <= gapMs && Math.Abs(mid - _lastMid) > Limit(_lastMid))
        {
            // An outlier unless the following ticks confirm the new level.
            if (!double.IsNaN(_candidateMid) && Math.Abs(mid - _candidateMid) <= Limit(_candidateMid))
            {
                _candidateCount++;
            }
            else
            {
                _candidateMid = mid;
                _candidateCount = 1;
            }

            if (_candidateCount < ConfirmingTicks)
            {
                return IngestRejectReason.PriceJump;
            }
        }

        _candidateMid = double.NaN;
        _candidateCount = 0;
        _lastMid = mid;
        _lastMs = Math.Max(_lastMs, tsMs);
        return IngestRejectReason.None;
    }

    /// <summary>Feeds a closed M1 candle into the ATR.</summary>
    public void OnM1Closed(in Candle candle)
    {
        var tr = double.IsNaN(_lastClose)
            ? candle.Range
            : Math.Max(candle.Range, Math.Max(Math.Abs(candle.High - _lastClose), Math.Abs(candle.Low - _lastClose)));
        _lastClose = candle.Close;
        _trCount++;
        _atr = _trCount <= AtrPeriod ? _atr + ((tr - _atr) / _trCount) : ((_atr * (AtrPeriod - 1)) + tr) / AtrPeriod;
    }

    private double Limit(double reference) => _trCount >= AtrPeriod ? maxJumpAtr * _atr : maxJumpFraction * reference;
}
