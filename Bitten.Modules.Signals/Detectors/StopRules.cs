using Bitten.Contracts.Common;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Detectors;

/// <summary>
/// Stop and target placement (DOMAIN §5): beyond the structure plus 0.1 × ATR, never closer than the
/// minimum stop (1 × ATR(14) M5, floor 5 pips, XAUUSD 30); target RiskReward × stop unless the pattern
/// names a structural target; reward:risk under 1.0 is discarded.
/// </summary>
internal static class StopRules
{
    public static DetectorCandidate? Build(
        DetectorContext context,
        DetectorSettings settings,
        string pattern,
        Side side,
        double structuralStop,
        double? structuralTarget,
        double score,
        IReadOnlyList<ScoreComponent> components,
        IReadOnlyList<KeyLevel> levels)
    {
        var entry = context.Current.Close;
        var direction = side == Side.Buy ? 1 : -1;
        var minStop = Math.Max(settings.MinStopAtr * context.Atr, context.Symbol.MinStopPips * context.Symbol.PipSize);
        var beyond = structuralStop - (direction * settings.StopBufferAtr * context.Atr);
        var distance = Math.Max(direction * (entry - beyond), minStop);
        var stop = entry - (direction * distance);
        var target = structuralTarget ?? entry + (direction * settings.RiskReward * distance);
        if (direction * (target - entry) <= 0)
        {
            return null;
        }

        var candidate = new DetectorCandidate(pattern, side, entry, stop, target, Math.Clamp(score, 0, 100), components, levels);
        return candidate.RewardRisk < settings.MinRewardRisk ? null : candidate;
    }

    /// <summary>Scales a quality measure to points: 0 at <paramref name="from"/>, <paramref name="max"/> at <paramref name="to"/>, clamped.</summary>
    public static double Points(double value, double from, double to, double max) =>
        Math.Clamp((value - from) / (to - from), 0, 1) * max;
}
