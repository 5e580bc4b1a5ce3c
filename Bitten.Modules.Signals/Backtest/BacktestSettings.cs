using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Replay;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>
/// One backtest: what to replay (<see cref="Replay"/>), the engine's settings (the live defaults of
/// <see cref="SignalsOptions"/>), the threshold (adaptive and reviewed every 4 hours of data time as live,
/// or fixed) and the clock (the data's own clock closes quiet bars as the live clock would, or ticks only).
/// </summary>
internal sealed record BacktestSettings(
    ReplaySettings Replay,
    EngineSettings Engine,
    ThresholdSettings Threshold,
    double? FixedThreshold = null,
    bool DataClock = true,
    bool CloseAtEnd = true,
    int MonteCarloPaths = 10_000,
    int Seed = 20_261_122)
{
    public const long ReviewEveryMs = 4 * 3_600_000L;

    /// <summary>The live engine's settings from a (default or bound) options object — the same mapping as <see cref="EngineService"/>.</summary>
    public static EngineSettings EngineFrom(SignalsOptions o) => new(
        new Detectors.DetectorSettings(RiskReward: o.RiskReward),
        new Structure.MarketStructureOptions(),
        CloseGraceMs: o.CloseGraceMs,
        GapMs: o.GapMinutes * 60_000L,
        MaxSpreadPips: o.MaxSpreadPips,
        MaxJumpAtr: o.MaxJumpAtr,
        SignalTtlMs: o.SignalTtlMinutes * 60_000L,
        OutcomeTimeoutMs: o.OutcomeTimeoutHours * 3_600_000L,
        MinExpectedValueR: o.MinExpectedValueR,
        StaleAfterMs: o.StaleAfterSeconds * 1000L);

    public static ThresholdSettings ThresholdFrom(SignalsOptions o) =>
        new(o.InitialThreshold, o.MinThreshold, o.MaxThreshold, o.TargetSignalsPerDay, o.MinWinRate);

    public static BacktestSettings For(ReplaySettings replay, SignalsOptions? options = null)
    {
        var o = options ?? new SignalsOptions();
        return new BacktestSettings(replay, EngineFrom(o), ThresholdFrom(o));
    }
}
