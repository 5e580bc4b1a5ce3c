using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Candles;

/// <summary>
/// The per-symbol checks that need history (DOMAIN §2): spread over <c>MaxSpreadPips</c>, or a jump
/// from the last accepted mid over <c>MaxJumpAtr</c> × ATR(14) of M1 bars (before the ATR is known,
/// a jump over <c>MaxJumpFraction</c> of the price). The ATR is Wilder's over closed M1 ranges.
/// </summary>
internal sealed class TickValidator(double pipSize, double maxSpreadPips, double maxJumpAtr, double maxJumpFraction)
{
    private const int AtrPeriod = 14;
    private double _lastMid = double.NaN;
    private double _lastClose = double.NaN;
    private double _atr;
    private int _trCount;

    public double Atr => _trCount >= AtrPeriod ? _atr : double.NaN;

    public IngestRejectReason Check(double bid, double ask)
    {
        if ((ask - bid) / pipSize > maxSpreadPips)
        {
            return IngestRejectReason.SpreadTooWide;
        }

        var mid = (bid + ask) * 0.5;
        if (!double.IsNaN(_lastMid))
        {
            var jump = Math.Abs(mid - _lastMid);
            var limit = _trCount >= AtrPeriod ? maxJumpAtr * _atr : maxJumpFraction * _lastMid;
            if (jump > limit)
            {
                return IngestRejectReason.PriceJump;
            }
        }

        _lastMid = mid;
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
}
