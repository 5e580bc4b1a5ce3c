using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// The performance report of a set of resolved signals (a backtest's, or the stored live ones): overall and
/// per pattern, symbol and session statistics (DOMAIN §10), the equity curve and drawdown in R in the order
/// trades resolved, calibration of the win probability, and a Monte Carlo bootstrap of the results.
/// </summary>
internal sealed record PerformanceReport(
    TradeStatistics Overall,
    IReadOnlyList<GroupStatistics> ByPattern,
    IReadOnlyList<GroupStatistics> BySymbol,
    IReadOnlyList<GroupStatistics> BySession,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<CalibrationBin> Calibration,
    double? Brier,
    MonteCarloResult MonteCarlo)
{
    public static PerformanceReport From(IEnumerable<TradeRow> resolved, int monteCarloPaths = 10_000, int seed = 20_261_122)
    {
        var rows = resolved.OrderBy(r => r.ResolvedMs).ThenBy(r => r.CreatedMs).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var equity = new List<EquityPoint>(rows.Count);
        double total = 0, peak = 0;
        foreach (var r in rows)
        {
            total += r.R;
            peak = Math.Max(peak, total);
            equity.Add(new EquityPoint(r.ResolvedMs, r.Id, Math.Round(total, 4), Math.Round(peak - total, 4)));
        }

        return new PerformanceReport(
            Stats(rows),
            Group(rows, r => r.Pattern),
            Group(rows, r => r.Symbol),
            Group(rows, r => SessionName(r.Session)),
            equity,
            Signals.Stats.Calibration.Of(rows),
            Signals.Stats.Calibration.Brier(rows),
            Signals.Stats.MonteCarlo.Bootstrap([.. rows.Select(r => r.R)], monteCarloPaths, seed));
    }

    public static string SessionName(TradingSession session) => session switch
    {
        TradingSession.Asian => "ASIAN",
        TradingSession.London => "LONDON",
        TradingSession.Overlap => "OVERLAP",
        TradingSession.NewYork => "NEW_YORK",
        TradingSession.OffHours => "OFF_HOURS",
        _ => "UNKNOWN",
    };

    private static TradeStatistics Stats(IEnumerable<TradeRow> rows) => TradeStatistics.From(rows.Select(r => (r.Result, r.R)));

    private static List<GroupStatistics> Group(List<TradeRow> rows, Func<TradeRow, string> key) =>
        [.. rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupStatistics(g.Key, Stats(g)))];
}

/// <summary>Statistics of one group (a pattern, a symbol or a session).</summary>
internal sealed record GroupStatistics(string Key, TradeStatistics Stats);

/// <summary>The cumulative R after one trade and the drawdown from the running peak.</summary>
internal sealed record EquityPoint(long AtMs, string SignalId, double CumulativeR, double DrawdownR);
