namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Turns a bar into the tick path the replay feeds the engine (docs/backtest-assumptions.md): open →
/// the nearer extreme → the other extreme → close, spread evenly inside the bar's minute, with a fixed
/// spread around the bar's price as mid. Stops and targets then resolve as they would have live, with the
/// pessimistic case that the nearer extreme came first.
/// </summary>
internal static class BarTickPath
{
    public static int Write(in HistoricalBar bar, long barLengthMs, double spread, Span<(long TsMs, double Bid, double Ask)> ticks)
    {
        var nearerHighFirst = bar.High - bar.Open <= bar.Open - bar.Low;
        var first = nearerHighFirst ? bar.High : bar.Low;
        var second = nearerHighFirst ? bar.Low : bar.High;
        var step = barLengthMs / 4;
        var half = spread / 2;
        ticks[0] = (bar.OpenTimeMs, bar.Open - half, bar.Open + half);
        ticks[1] = (bar.OpenTimeMs + step, first - half, first + half);
        ticks[2] = (bar.OpenTimeMs + (2 * step), second - half, second + half);
        ticks[3] = (bar.OpenTimeMs + (3 * step), bar.Close - half, bar.Close + half);
        return 4;
    }
}
