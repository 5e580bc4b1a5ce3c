using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Scoring;
using Bitten.Modules.Signals.Stats;

namespace Bitten.Modules.Signals.Backtest.Output;

/// <summary>
/// Every signal of a backtest as one CSV row: its levels, scores, outcome and R, the ML label
/// (<c>label</c>: 1 WIN, 0 LOSS, empty for TIMEOUT or open — DOMAIN §7) and the features the engine
/// recorded for it (<c>f_</c> columns, the engine's own values), so a model can be trained from a backtest.
/// </summary>
internal static class SignalsCsv
{
    private static readonly string[] Fixed =
    [
        "signal_id", "created_utc", "bar_open_utc", "symbol", "pattern", "side", "session", "signal_class", "entry", "sl", "tp",
        "stop_pips", "target_pips", "reward_risk", "pattern_score", "tcs", "shield", "shield_class", "win_probability", "model_version",
        "ev_r", "threshold", "outcome", "label", "r", "result_pips", "mfe_pips", "mae_pips", "resolved_utc",
    ];

    public static void Write(IReadOnlyList<BacktestSignal> signals, TextWriter writer)
    {
        var features = signals.SelectMany(s => s.Signal.Features.Keys).Distinct(StringComparer.Ordinal).ToList();
        writer.Write(string.Join(',', Fixed.Concat(features.Select(f => "f_" + f))));
        writer.Write('\n');
        foreach (var x in signals)
        {
            var s = x.Signal;
            var c = s.Candidate;
            var fields = new List<string>(Fixed.Length + features.Count)
            {
                x.Id, BacktestReport.Iso(x.CreatedMs), BacktestReport.Iso(s.BarOpenMs), s.Symbol, c.Pattern, s.Side == Side.Buy ? "BUY" : "SELL",
                PerformanceReport.SessionName(s.Session), s.SignalClass, N(c.Entry, s.Digits + 1), N(c.StopLoss, s.Digits + 1), N(c.TakeProfit, s.Digits + 1),
                N(s.StopPips, 2), N(s.TargetPips, 2), N(c.RewardRisk, 4), N(c.PatternScore, 2), N(s.Tcs, 2), N(s.Shield.Score, 2),
                CitadelShield.WireName(s.Shield.Class), N(s.WinProbability, 6), s.ModelVersion ?? string.Empty, N(s.ExpectedValueR, 6), N(s.Threshold, 2),
                BacktestReport.Outcome(x.Outcome),
                x.Outcome == SignalOutcome.Win ? "1" : x.Outcome == SignalOutcome.Loss ? "0" : string.Empty,
                x.Resolved ? N(x.R, 4) : string.Empty, x.Resolved ? N(x.ResultPips, 2) : string.Empty,
                x.Resolved ? N(x.MfePips, 2) : string.Empty, x.Resolved ? N(x.MaePips, 2) : string.Empty,
                x.Resolved ? BacktestReport.Iso(x.ResolvedMs) : string.Empty,
            };
            foreach (var f in features)
            {
                fields.Add(s.Features.TryGetValue(f, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty);
            }

            writer.Write(string.Join(',', fields));
            writer.Write('\n');
        }
    }

    private static string N(double value, int decimals) => Math.Round(value, decimals).ToString(CultureInfo.InvariantCulture);
}
