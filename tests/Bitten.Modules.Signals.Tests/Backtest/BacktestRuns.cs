using Bitten.Modules.Signals.Backtest;
using Bitten.Modules.Signals.Replay;

namespace Bitten.Modules.Signals.Tests.Backtest;

/// <summary>Runs backtests over the shared HistData EURUSD history.</summary>
internal static class BacktestRuns
{
    public static string HistDataFolder => Path.Combine(TestEnvironment.SharedData, "fx", "histdata_eurusd_m1_2017");

    public static BacktestSettings Settings(long from = long.MinValue, long to = long.MaxValue) =>
        BacktestSettings.For(new ReplaySettings("EURUSD", 0.0001, 5, FromMs: from, ToMs: to));

    public static BacktestResult Run(BacktestSettings settings, params string[] paths)
    {
        using var source = ReplaySource.Open(paths.Length == 0 ? [HistDataFolder] : paths, settings.Replay);
        return BacktestRunner.Run(source, settings);
    }

    /// <summary>Everything about a signal and its outcome that a run decides, ids and times included.</summary>
    public static string Line(BacktestSignal s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{s.Id} {s.CreatedMs} {Engine.SignalFingerprint.Of(s.Signal)} thr={s.Signal.Threshold} {s.Outcome} r={s.R} pips={s.ResultPips} mfe={s.MfePips} mae={s.MaePips} at={s.ResolvedMs}");
}
