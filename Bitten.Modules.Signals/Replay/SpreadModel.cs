using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// The spread the replay puts on bars (docs/backtest-assumptions.md): a fixed spread in pips, optionally
/// widened by session (ASIAN ×1.5, OFF_HOURS ×2 — thin liquidity), unless the bar carries its own spread
/// (MetaTrader exports with a SPREAD column, BITTEN's stored bars), which wins when <see cref="UseBarSpread"/>.
/// Real ticks keep their own bid and ask.
/// </summary>
internal sealed record SpreadModel(double Pips, bool BySession = false, bool UseBarSpread = true)
{
    public static SpreadModel Default { get; } = new(0.8);

    /// <summary>The spread in price units for a bar opening at <paramref name="utcMs"/>.</summary>
    public double At(long utcMs, double barSpread, double pipSize)
    {
        if (UseBarSpread && barSpread > 0)
        {
            return barSpread;
        }

        var spread = Pips * pipSize;
        return !BySession ? spread : TradingCalendar.SessionAt(utcMs) switch
        {
            TradingSession.Asian => spread * 1.5,
            TradingSession.OffHours => spread * 2,
            _ => spread,
        };
    }

    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Pips:0.##} pips{(BySession ? " (×1.5 ASIAN, ×2 OFF_HOURS)" : string.Empty)}{(UseBarSpread ? "; a bar's own spread when the file has one" : string.Empty)}");
}
