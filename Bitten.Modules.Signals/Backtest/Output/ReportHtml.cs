using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Backtest.Output;

/// <summary>
/// <c>report.html</c>: one self-contained page — inline CSS, charts drawn as inline SVG here, a few lines of
/// inline script to sort the signal list — no external script, font or style.
/// </summary>
internal static class ReportHtml
{
    public static string Render(BacktestReport report, JsonObject json)
    {
        var r = report.Result;
        var p = report.Performance;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BITTEN backtest ")
            .Append(E(r.Settings.Replay.Symbol)).Append("</title><style>")
            .Append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1200px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}")
            .Append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}th{background:#f3f3f3;cursor:pointer}")
            .Append("td:first-child,th:first-child{text-align:left}.cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 12px}")
            .Append(".card b{display:block;font-size:18px}.win{color:#17803d}.loss{color:#b42318}small{color:#666}svg{background:#fcfcfc;border:1px solid #ddd}")
            .Append("</style></head><body>");
        html.Append("<h1>Backtest: ").Append(E(r.Settings.Replay.Symbol)).Append(", ").Append(E(Day(r.FirstTsMs))).Append(" – ").Append(E(Day(r.LastTsMs))).Append(" UTC</h1>");
        html.Append("<p><small>").Append(E(string.Join(", ", r.Files.Select(Path.GetFileName)))).Append(" · ")
            .Append(r.Bars.ToString("N0", CultureInfo.InvariantCulture)).Append(" bars, ").Append(r.Ticks.ToString("N0", CultureInfo.InvariantCulture))
            .Append(" ticks replayed through the live engine in ").Append(r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s</small></p>");

        var o = p.Overall;
        html.Append("<div class=\"cards\">");
        Card(html, "signals resolved", o.Count.ToString(CultureInfo.InvariantCulture), $"{o.Wins} W · {o.Losses} L · {o.Other} timeout; {r.Signals.Count(s => !s.Resolved)} open at end");
        Card(html, "win rate", o.WinRate is { } wr ? wr.ToString("P1", CultureInfo.InvariantCulture) : "–", $"Wilson 95 %: {o.WinRateLow:P1} – {o.WinRateHigh:P1}");
        Card(html, "expectancy", F(o.ExpectancyR, "0.000") + " R", "average R per signal");
        Card(html, "profit factor", o.ProfitFactor is { } pf ? F(pf, "0.00") : "–", "gross win R / gross loss R");
        Card(html, "total", F(o.TotalR, "0.00") + " R", "max drawdown " + F(o.MaxDrawdownR, "0.00") + " R");
        var mc = p.MonteCarlo;
        Card(html, "Monte Carlo final R", $"{F(mc.FinalR.P5, "0.0")} / {F(mc.FinalR.P50, "0.0")} / {F(mc.FinalR.P95, "0.0")}",
            $"5th/50th/95th of {mc.Paths:N0} bootstrap paths; max DD {F(mc.MaxDrawdownR.P5, "0.0")} / {F(mc.MaxDrawdownR.P50, "0.0")} / {F(mc.MaxDrawdownR.P95, "0.0")} R");
        html.Append("</div>");

        html.Append("<h2>Equity curve and drawdown (R)</h2>");
        Equity(html, p.Equity);
        html.Append("<h2>By pattern</h2>");
        Table(html, "pattern", p.ByPattern);
        html.Append("<h2>By session</h2>");
        Table(html, "session", p.BySession);
        html.Append("<h2>By symbol</h2>");
        Table(html, "symbol", p.BySymbol);
        html.Append("<h2>Calibration: stated win probability against realised</h2><p><small>Bins of 0.1; bars are Wilson 95 % intervals; the diagonal is perfect calibration. Timeouts are left out. Brier score ")
            .Append(p.Brier is { } b ? F(b, "0.000") : "–").Append(".</small></p>");
        CalibrationChart(html, p.Calibration);

        html.Append("<h2>Assumptions</h2><table>");
        foreach (var (key, value) in (JsonObject)json["assumptions"]!)
        {
            html.Append("<tr><td>").Append(E(key)).Append("</td><td style=\"text-align:left\">").Append(E(value?.ToString() ?? string.Empty)).Append("</td></tr>");
        }

        html.Append("</table><p><small>See docs/backtest-assumptions.md for how a backtest can differ from live.</small></p>");
        if (r.ThresholdChanges.Count > 0)
        {
            html.Append("<h2>Adaptive threshold changes</h2><table><tr><th>at (UTC)</th><th>from</th><th>to</th><th>why</th></tr>");
            foreach (var c in r.ThresholdChanges)
            {
                html.Append("<tr><td>").Append(E(BacktestReport.Iso(c.AtMs))).Append("</td><td>").Append(F(c.Previous, "0.00")).Append("</td><td>").Append(F(c.Next, "0.00"))
                    .Append("</td><td style=\"text-align:left\">").Append(E(string.Join("; ", c.Reasons))).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h2>Signals</h2><p><small>Click a column to sort.</small></p><table id=\"signals\"><thead><tr>");
        foreach (var h in new[] { "created (UTC)", "pattern", "side", "session", "entry", "sl", "tp", "TCS", "shield", "p(win)", "EV R", "outcome", "R" })
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var x in r.Signals)
        {
            var s = x.Signal;
            var digits = "F" + s.Digits.ToString(CultureInfo.InvariantCulture);
            html.Append("<tr><td>").Append(E(BacktestReport.Iso(x.CreatedMs)[..16].Replace('T', ' '))).Append("</td><td>").Append(E(s.Candidate.Pattern))
                .Append("</td><td>").Append(s.Side == Side.Buy ? "BUY" : "SELL").Append("</td><td>").Append(PerformanceReport.SessionName(s.Session))
                .Append("</td><td>").Append(s.Candidate.Entry.ToString(digits, CultureInfo.InvariantCulture)).Append("</td><td>").Append(s.Candidate.StopLoss.ToString(digits, CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(s.Candidate.TakeProfit.ToString(digits, CultureInfo.InvariantCulture)).Append("</td><td>").Append(F(s.Tcs, "0.0"))
                .Append("</td><td>").Append(F(s.Shield.Score, "0.0")).Append("</td><td>").Append(F(s.WinProbability, "0.000")).Append("</td><td>").Append(F(s.ExpectedValueR, "0.000"))
                .Append("</td><td class=\"").Append(x.Outcome == Contracts.Signals.SignalOutcome.Win ? "win" : x.Outcome == Contracts.Signals.SignalOutcome.Loss ? "loss" : string.Empty).Append("\">")
                .Append(BacktestReport.Outcome(x.Outcome)).Append("</td><td>").Append(x.Resolved ? F(x.R, "0.00") : string.Empty).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<script>document.querySelectorAll('#signals th').forEach(function(th,i){var asc=true;th.onclick=function(){var b=th.closest('table').tBodies[0];")
            .Append("var rows=Array.from(b.rows);rows.sort(function(x,y){var a=x.cells[i].textContent,c=y.cells[i].textContent,n=parseFloat(a),m=parseFloat(c);")
            .Append("var r=(!isNaN(n)&&!isNaN(m)&&/^-?[0-9.]+$/.test(a)&&/^-?[0-9.]+$/.test(c))?n-m:a.localeCompare(c);return asc?r:-r;});asc=!asc;rows.forEach(function(r){b.appendChild(r);});};});</script>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string label, string value, string note) =>
        html.Append("<div class=\"card\"><small>").Append(E(label)).Append("</small><b>").Append(E(value)).Append("</b><small>").Append(E(note)).Append("</small></div>");

    private static void Table(StringBuilder html, string key, IReadOnlyList<GroupStatistics> groups)
    {
        html.Append("<table><tr><th>").Append(E(key)).Append("</th><th>n</th><th>W</th><th>L</th><th>T</th><th>win rate</th><th>Wilson 95 %</th><th>avg R</th><th>expectancy R</th><th>profit factor</th><th>max DD R</th><th>total R</th></tr>");
        foreach (var g in groups)
        {
            var s = g.Stats;
            html.Append("<tr><td>").Append(E(g.Key)).Append("</td><td>").Append(s.Count).Append("</td><td>").Append(s.Wins).Append("</td><td>").Append(s.Losses)
                .Append("</td><td>").Append(s.Other).Append("</td><td>").Append(s.WinRate is { } wr ? wr.ToString("P1", CultureInfo.InvariantCulture) : "–")
                .Append("</td><td>").Append(s.WinRateLow.ToString("P1", CultureInfo.InvariantCulture)).Append(" – ").Append(s.WinRateHigh.ToString("P1", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(F(s.AverageR, "0.000")).Append("</td><td>").Append(F(s.ExpectancyR, "0.000")).Append("</td><td>")
                .Append(s.ProfitFactor is { } pf ? F(pf, "0.00") : "–").Append("</td><td>").Append(F(s.MaxDrawdownR, "0.00")).Append("</td><td>").Append(F(s.TotalR, "0.00")).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Equity(StringBuilder html, IReadOnlyList<EquityPoint> equity)
    {
        const double w = 1000, h = 260, dh = 90, pad = 40;
        if (equity.Count == 0)
        {
            html.Append("<p>No resolved signals.</p>");
            return;
        }

        var max = Math.Max(0, equity.Max(e => e.CumulativeR));
        var min = Math.Min(0, equity.Min(e => e.CumulativeR));
        var span = Math.Max(1e-9, max - min);
        var maxDd = Math.Max(1e-9, equity.Max(e => e.DrawdownR));
        double X(int i) => pad + ((w - (2 * pad)) * (equity.Count == 1 ? 0.5 : i / (double)(equity.Count - 1)));
        double Y(double v) => 10 + ((h - 20) * (1 - ((v - min) / span)));
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{w}\" height=\"{h + dh + 10}\" viewBox=\"0 0 {w} {h + dh + 10}\" role=\"img\" aria-label=\"equity curve\">");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{pad}\" x2=\"{w - pad}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{Y(max) + 4:0.#}\" font-size=\"11\">{max:0.#} R</text><text x=\"2\" y=\"{Y(min) + 4:0.#}\" font-size=\"11\">{min:0.#} R</text>");
        html.Append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"1.6\" points=\"");
        for (var i = 0; i < equity.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(equity[i].CumulativeR):0.#} ");
        }

        html.Append("\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"{h + 14}\" font-size=\"11\">drawdown (max {maxDd:0.##} R)</text>");
        html.Append("<polygon fill=\"#e9a3a3\" points=\"").Append(CultureInfo.InvariantCulture, $"{X(0):0.#},{h + 5} ");
        for (var i = 0; i < equity.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{h + 5 + (dh * equity[i].DrawdownR / maxDd):0.#} ");
        }

        html.Append(CultureInfo.InvariantCulture, $"{X(equity.Count - 1):0.#},{h + 5}\"/></svg>");
    }

    private static void CalibrationChart(StringBuilder html, IReadOnlyList<CalibrationBin> bins)
    {
        const double size = 320, pad = 36;
        double X(double v) => pad + ((size - (2 * pad)) * v);
        double Y(double v) => size - pad - ((size - (2 * pad)) * v);
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"{size}\" height=\"{size}\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"calibration\">");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(0)}\" y=\"{Y(1)}\" width=\"{X(1) - X(0)}\" height=\"{Y(0) - Y(1)}\" fill=\"none\" stroke=\"#ccc\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(0.3)}\" y=\"{size - 8}\" font-size=\"11\">predicted p(win)</text><text x=\"4\" y=\"{Y(1) - 8}\" font-size=\"11\">realised</text>");
        foreach (var t in new[] { 0.0, 0.5, 1.0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(t) - 8}\" y=\"{Y(0) + 14}\" font-size=\"10\">{t:0.0}</text><text x=\"{X(0) - 26}\" y=\"{Y(t) + 4}\" font-size=\"10\">{t:0.0}</text>");
        }

        var most = bins.Count == 0 ? 1 : bins.Max(b => b.Count);
        foreach (var b in bins)
        {
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(b.MeanPredicted):0.#}\" x2=\"{X(b.MeanPredicted):0.#}\" y1=\"{Y(b.RealisedLow):0.#}\" y2=\"{Y(b.RealisedHigh):0.#}\" stroke=\"#1f5fbf\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(b.MeanPredicted):0.#}\" cy=\"{Y(b.Realised):0.#}\" r=\"{3 + (6 * Math.Sqrt(b.Count / (double)most)):0.#}\" fill=\"#1f5fbf\" fill-opacity=\"0.6\"><title>{b.Count} signals, predicted {b.MeanPredicted:0.000}, realised {b.Realised:0.000}</title></circle>");
        }

        html.Append("</svg>");
    }

    private static string Day(long ms) => ms == long.MinValue ? "–" : DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
