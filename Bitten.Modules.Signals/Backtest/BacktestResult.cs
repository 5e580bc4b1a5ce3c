using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>What a backtest run produced: every signal with its outcome, the threshold's changes, and the engine's counts.</summary>
internal sealed record BacktestResult(
    BacktestSettings Settings,
    IReadOnlyList<string> Files,
    IReadOnlyList<BacktestSignal> Signals,
    IReadOnlyList<ThresholdChangeRecord> ThresholdChanges,
    EngineCounters Counters,
    long Bars,
    long Ticks,
    long FirstTsMs,
    long LastTsMs,
    IReadOnlyDictionary<string, long> BarsClosed,
    TimeSpan Elapsed)
{
    public double BarsPerSecond => Elapsed.TotalSeconds > 0 ? Bars / Elapsed.TotalSeconds : 0;

    public double TicksPerSecond => Elapsed.TotalSeconds > 0 ? Ticks / Elapsed.TotalSeconds : 0;
}

/// <summary>One simulated review of the adaptive threshold that changed it.</summary>
internal sealed record ThresholdChangeRecord(long AtMs, double Previous, double Next, int SignalsLast24h, double? WinRateLast24h, IReadOnlyList<string> Reasons)
{
    public static ThresholdChangeRecord From(long atMs, ThresholdDecision d, int signals, double? winRate) => new(atMs, d.Previous, d.Next, signals, winRate, d.Reasons);
}

/// <summary>A progress report during the replay.</summary>
internal readonly record struct BacktestProgress(double Fraction, long Ticks, long Bars, int Signals, TimeSpan Elapsed, long DataTimeMs);
