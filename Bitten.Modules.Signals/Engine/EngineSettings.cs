using Bitten.Modules.Signals.Detectors;
using Bitten.Modules.Signals.Structure;

namespace Bitten.Modules.Signals.Engine;

/// <summary>Everything the engine needs from configuration, resolved once (see SignalsOptions).</summary>
internal sealed record EngineSettings(
    DetectorSettings Detectors,
    MarketStructureOptions Structure,
    long CloseGraceMs = 2_000,
    long GapMs = 15 * 60_000,
    double MaxSpreadPips = 50,
    double MaxJumpAtr = 8,
    double MaxJumpFraction = 0.02,
    long SignalTtlMs = 15 * 60_000,
    long OutcomeTimeoutMs = 4 * 3_600_000,
    double MinExpectedValueR = 0,
    bool BlockWeekend = true,
    long StaleAfterMs = 60_000);
