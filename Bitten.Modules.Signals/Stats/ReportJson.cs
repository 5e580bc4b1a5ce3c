using System.Text.Json.Nodes;

namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// The JSON shape of a <see cref="PerformanceReport"/>, shared by <c>GET /api/stats/report</c> and a backtest's
/// <c>report.json</c> (snake_case, rates rounded for reading; the inputs are in the signal list).
/// </summary>
internal static class ReportJson
{
    public static JsonObject Of(PerformanceReport report) => new()
    {
        ["overall"] = Stats(report.Overall),
        ["by_pattern"] = Groups(report.ByPattern, "pattern"),
        ["by_symbol"] = Groups(report.BySymbol, "symbol"),
        ["by_session"] = Groups(report.BySession, "session"),
        ["equity_r"] = new JsonArray([.. report.Equity.Select(e => (JsonNode)new JsonObject
        {
            ["t"] = e.AtMs,
            ["signal_id"] = e.SignalId,
            ["cumulative_r"] = e.CumulativeR,
            ["drawdown_r"] = e.DrawdownR,
        })]),
        ["calibration"] = new JsonArray([.. report.Calibration.Select(c => (JsonNode)new JsonObject
        {
            ["bin"] = new JsonArray(c.Low, c.High),
            ["count"] = c.Count,
            ["mean_predicted"] = Math.Round(c.MeanPredicted, 4),
            ["realised"] = Math.Round(c.Realised, 4),
            ["realised_ci95"] = new JsonArray(Math.Round(c.RealisedLow, 4), Math.Round(c.RealisedHigh, 4)),
        })]),
        ["brier"] = report.Brier is { } b ? Math.Round(b, 4) : null,
        ["monte_carlo"] = new JsonObject
        {
            ["method"] = "bootstrap of the trade R results, with replacement, as many trades per path as the sample",
            ["paths"] = report.MonteCarlo.Paths,
            ["seed"] = report.MonteCarlo.Seed,
            ["trades_per_path"] = report.MonteCarlo.TradesPerPath,
            ["final_r"] = Percentiles(report.MonteCarlo.FinalR),
            ["max_drawdown_r"] = Percentiles(report.MonteCarlo.MaxDrawdownR),
            ["share_of_paths_losing"] = Math.Round(report.MonteCarlo.ShareLosing, 4),
        },
    };

    public static JsonObject Stats(TradeStatistics s) => new()
    {
        ["count"] = s.Count,
        ["wins"] = s.Wins,
        ["losses"] = s.Losses,
        ["timeouts"] = s.Other,
        ["win_rate"] = s.WinRate is { } wr ? Math.Round(wr, 4) : null,
        ["win_rate_ci95"] = new JsonArray(Math.Round(s.WinRateLow, 4), Math.Round(s.WinRateHigh, 4)),
        ["average_r"] = Math.Round(s.AverageR, 4),
        ["expectancy_r"] = Math.Round(s.ExpectancyR, 4),
        ["profit_factor"] = s.ProfitFactor is { } pf ? Math.Round(pf, 3) : null,
        ["max_drawdown_r"] = Math.Round(s.MaxDrawdownR, 3),
        ["total_r"] = Math.Round(s.TotalR, 3),
    };

    private static JsonArray Groups(IEnumerable<GroupStatistics> groups, string key) =>
        new([.. groups.Select(g => (JsonNode)new JsonObject { [key] = g.Key, ["stats"] = Stats(g.Stats) })]);

    private static JsonObject Percentiles(Percentiles p) => new()
    {
        ["p5"] = Math.Round(p.P5, 3),
        ["p50"] = Math.Round(p.P50, 3),
        ["p95"] = Math.Round(p.P95, 3),
    };
}
