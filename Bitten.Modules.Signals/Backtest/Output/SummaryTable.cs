using System.Globalization;
using System.Text;
using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Backtest.Output;

/// <summary>The summary the backtest verb prints: overall, per pattern, session and symbol, and the Monte Carlo range.</summary>
internal static class SummaryTable
{
    public static string Render(BacktestReport report)
    {
        var r = report.Result;
        var p = report.Performance;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Backtest {r.Settings.Replay.Symbol} {BacktestReport.Iso(r.FirstTsMs)[..16]} .. {BacktestReport.Iso(r.LastTsMs)[..16]} UTC: ")
            .Append(CultureInfo.InvariantCulture, $"{r.Bars:N0} bars, {r.Ticks:N0} ticks in {r.Elapsed.TotalSeconds:0.0} s; {r.Signals.Count} signals ({r.Signals.Count(s => !s.Resolved)} open at end)\n\n");
        Header(text);
        Row(text, "ALL", p.Overall);
        Section(text, p.ByPattern);
        Section(text, p.BySession);
        Section(text, p.BySymbol);
        var mc = p.MonteCarlo;
        text.Append(CultureInfo.InvariantCulture, $"\nMonte Carlo ({mc.Paths:N0} bootstrap paths of {mc.TradesPerPath} trades, seed {mc.Seed}): final R 5/50/95 % = {mc.FinalR.P5:0.0} / {mc.FinalR.P50:0.0} / {mc.FinalR.P95:0.0}; ")
            .Append(CultureInfo.InvariantCulture, $"max drawdown R = {mc.MaxDrawdownR.P5:0.0} / {mc.MaxDrawdownR.P50:0.0} / {mc.MaxDrawdownR.P95:0.0}; paths ending below 0: {mc.ShareLosing:P1}\n");
        return text.ToString();
    }

    private static void Section(StringBuilder text, IReadOnlyList<GroupStatistics> groups)
    {
        text.Append(new string('-', 107)).Append('\n');
        foreach (var g in groups)
        {
            Row(text, g.Key, g.Stats);
        }
    }

    private static void Header(StringBuilder text) =>
        text.Append(CultureInfo.InvariantCulture, $"{"group",-26}{"n",6}{"W",5}{"L",5}{"T",5}{"win %",8}{"Wilson 95 %",16}{"avg R",9}{"PF",7}{"max DD R",10}{"total R",10}\n");

    private static void Row(StringBuilder text, string key, TradeStatistics s) =>
        text.Append(CultureInfo.InvariantCulture,
            $"{key,-26}{s.Count,6}{s.Wins,5}{s.Losses,5}{s.Other,5}{(s.WinRate is { } wr ? (wr * 100).ToString("0.0", CultureInfo.InvariantCulture) : "-"),8}{$"{s.WinRateLow * 100:0.0}-{s.WinRateHigh * 100:0.0}",16}{s.AverageR,9:0.000}{(s.ProfitFactor is { } pf ? pf.ToString("0.00", CultureInfo.InvariantCulture) : "-"),7}{s.MaxDrawdownR,10:0.00}{s.TotalR,10:0.00}\n");
}
