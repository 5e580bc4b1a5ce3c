using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// A detector's proposal: side, entry (the close), stop and target, and a pattern score 0–100 built from
/// named components that the HUD explains. <see cref="KeyLevels"/> are drawn on the chart.
/// </summary>
internal sealed record DetectorCandidate(
    string Pattern,
    Side Side,
    double Entry,
    double StopLoss,
    double TakeProfit,
    double PatternScore,
    IReadOnlyList<ScoreComponent> Components,
    IReadOnlyList<KeyLevel> KeyLevels)
{
    public double Risk => Math.Abs(Entry - StopLoss);

    public double Reward => Math.Abs(TakeProfit - Entry);

    public double RewardRisk => Risk == 0 ? 0 : Reward / Risk;
}

/// <summary>A named price level the pattern relies on (swept level, block edges, gap edges, bands).</summary>
internal sealed record KeyLevel(string Name, double Price);
