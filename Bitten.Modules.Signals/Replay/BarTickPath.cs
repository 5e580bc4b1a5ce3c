namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Turns a bar into the tick path the replay feeds the engine (docs/backtest-assumptions.md): open →
/// the nearer extreme → the other extreme → close, at 0, ¼, ½ and ¾ of the bar's length, with a spread
/// around each price. Stops and targets then resolve as they would have live, with the pessimistic case
/// that the nearer extreme came first.
/// </summary>
internal static class BarTickPath
{
    /// <summary>The bar's prices as mids, with half the spread either side (the pinned tests' path).</summary>
    public static int Write(in HistoricalBar bar, long barLengthMs, double spread, Span<(long TsMs, double Bid, double Ask)> ticks) =>
        Write(bar, barLengthMs, -spread / 2, spread / 2, ticks);

    /// <summary>
    /// The path with explicit offsets from the bar's price: bid bars (HistData, MetaTrader) use (0, spread),
    /// mid bars (BITTEN's stored bars) use (−spread/2, +spread/2).
    /// </summary>
    public static int Write(in HistoricalBar bar, long barLengthMs, double bidOffset, double askOffset, Span<(long TsMs, double Bid, double Ask)> ticks)
    {
        var nearerHighFirst = bar.High - bar.Open <= bar.Open - bar.Low;
        var first = nearerHighFirst ? bar.High : bar.Low;
        var second = nearerHighFirst ? bar.Low : bar.High;
        var step = barLengthMs / 4;
        ticks[0] = (bar.OpenTimeMs, bar.Open + bidOffset, bar.Open + askOffset);
        ticks[1] = (bar.OpenTimeMs + step, first + bidOffset, first + askOffset);
        ticks[2] = (bar.OpenTimeMs + (2 * step), second + bidOffset, second + askOffset);
        ticks[3] = (bar.OpenTimeMs + (3 * step), bar.Close + bidOffset, bar.Close + askOffset);
        return 4;
    }
}
