using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Backtest.Output;

/// <summary>
/// A finished backtest as a report: the performance of its resolved signals (the same
/// <see cref="PerformanceReport"/> as the live report), what was replayed and how, and every signal.
/// Writes <c>report.json</c>, <c>signals.csv</c> and <c>report.html</c>.
/// </summary>
internal sealed class BacktestReport(BacktestResult result)
{
    public BacktestResult Result { get; } = result;

    public PerformanceReport Performance { get; } = PerformanceReport.From(
        result.Signals.Where(s => s.Resolved).Select(Row), result.Settings.MonteCarloPaths, result.Settings.Seed);

    public static TradeRow Row(BacktestSignal s) =>
        new(s.Id, s.Signal.Symbol, s.Signal.Candidate.Pattern, s.Signal.Session, s.CreatedMs, s.ResolvedMs, s.Signal.WinProbability, s.Outcome, s.R);

    /// <summary>Writes the three files into <paramref name="folder"/> (created if needed); returns their paths.</summary>
    public IReadOnlyList<string> WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, "report.json");
        var csv = Path.Combine(folder, "signals.csv");
        var html = Path.Combine(folder, "report.html");
        var document = Json();
        File.WriteAllText(json, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        using (var writer = new StreamWriter(csv))
        {
            SignalsCsv.Write(Result.Signals, writer);
        }

        File.WriteAllText(html, ReportHtml.Render(this, document));
        return [json, csv, html];
    }

    public JsonObject Json()
    {
        var r = Result;
        var s = r.Settings;
        var report = ReportJson.Of(Performance);
        var root = new JsonObject
        {
            ["kind"] = "backtest",
            ["symbol"] = s.Replay.Symbol,
            ["files"] = new JsonArray([.. r.Files.Select(f => (JsonNode)Path.GetFileName(f)!)]),
            ["from_utc"] = Iso(r.FirstTsMs),
            ["to_utc"] = Iso(r.LastTsMs),
            ["assumptions"] = new JsonObject
            {
                ["resolution"] = r.Bars > 0 ? "bars: open → nearer extreme → other extreme → close at 0, ¼, ½, ¾ of each bar" : "ticks as recorded",
                ["spread"] = (s.Replay.Spread ?? SpreadModel.Default).Describe(),
                ["clock"] = s.Replay.Clock?.Name ?? "format default (HistData UTC-05:00, ticks and stored bars UTC)",
                ["engine_clock"] = s.DataClock ? "simulated: quiet bars close at each minute's end + grace, as live" : "ticks only",
                ["threshold"] = s.FixedThreshold is { } f ? string.Create(CultureInfo.InvariantCulture, $"fixed at {f}") : "adaptive, reviewed every 4 h of data time",
                ["outcome_timeout_hours"] = s.Engine.OutcomeTimeoutMs / 3_600_000.0,
                ["stop_before_target"] = true,
                ["slippage_pips"] = 0,
                ["win_probability"] = "prior: the pattern's realised win rate so far, shrunk by Beta(5,5) (no ML model)",
            },
            ["replay"] = new JsonObject
            {
                ["bars"] = r.Bars,
                ["ticks"] = r.Ticks,
                ["elapsed_s"] = Math.Round(r.Elapsed.TotalSeconds, 3),
                ["bars_per_s"] = Math.Round(r.BarsPerSecond),
                ["ticks_per_s"] = Math.Round(r.TicksPerSecond),
                ["bars_closed"] = new JsonObject([.. r.BarsClosed.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["ticks_rejected"] = new JsonObject([.. r.Counters.Rejections().Where(x => x.Count > 0).Select(x => KeyValuePair.Create(x.Reason, (JsonNode?)x.Count))]),
                ["candidates_by_pattern"] = new JsonObject([.. r.Counters.CandidatesByPattern().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["gated_by_reason"] = new JsonObject([.. r.Counters.GatedByReason().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            },
            ["signals_total"] = r.Signals.Count,
            ["signals_open_at_end"] = r.Signals.Count(x => !x.Resolved),
            ["threshold_changes"] = new JsonArray([.. r.ThresholdChanges.Select(c => (JsonNode)new JsonObject
            {
                ["at_utc"] = Iso(c.AtMs),
                ["previous"] = c.Previous,
                ["next"] = c.Next,
                ["signals_last_24h"] = c.SignalsLast24h,
                ["reasons"] = new JsonArray([.. c.Reasons.Select(x => (JsonNode)x!)]),
            })]),
        };
        foreach (var (key, value) in report.ToList())
        {
            report.Remove(key);
            root[key] = value;
        }

        root["signals"] = new JsonArray([.. r.Signals.Select(Signal)]);
        return root;
    }

    private static JsonNode Signal(BacktestSignal x)
    {
        var s = x.Signal;
        return new JsonObject
        {
            ["signal_id"] = x.Id,
            ["created_utc"] = Iso(x.CreatedMs),
            ["symbol"] = s.Symbol,
            ["pattern"] = s.Candidate.Pattern,
            ["side"] = s.Side == Side.Buy ? "BUY" : "SELL",
            ["session"] = PerformanceReport.SessionName(s.Session),
            ["entry"] = Math.Round(s.Candidate.Entry, s.Digits + 1),
            ["sl"] = Math.Round(s.Candidate.StopLoss, s.Digits + 1),
            ["tp"] = Math.Round(s.Candidate.TakeProfit, s.Digits + 1),
            ["tcs"] = Math.Round(s.Tcs, 2),
            ["shield"] = Math.Round(s.Shield.Score, 2),
            ["win_probability"] = Math.Round(s.WinProbability, 4),
            ["model_version"] = s.ModelVersion,
            ["ev_r"] = Math.Round(s.ExpectedValueR, 4),
            ["outcome"] = x.Resolved ? x.Outcome.ToString().ToUpperInvariant() : "OPEN",
            ["r"] = x.Resolved ? x.R : null,
            ["resolved_utc"] = x.Resolved ? Iso(x.ResolvedMs) : null,
        };
    }

    public static string Iso(long ms) => ms == long.MinValue ? string.Empty : DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static string Outcome(SignalOutcome o) => o == SignalOutcome.Unknown ? "OPEN" : o.ToString().ToUpperInvariant();
}
