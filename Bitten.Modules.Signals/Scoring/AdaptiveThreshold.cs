using System.Globalization;

namespace Bitten.Modules.Signals.Scoring;

/// <summary>
/// The self-optimising TCS threshold (DOMAIN §6): starts at 72 within [70, 78], reviewed every 4 hours
/// over the last 24: too few signals (under 85 % of target) lowers it by min(2, (1 − ratio) × 5), too
/// many (over 115 %) raises it by min(2, (ratio − 1) × 3), a realised win rate under the minimum raises
/// it by min(3, (min − wr) × 10); a net change under 0.5 is skipped. Pure: persistence is the caller's.
/// </summary>
internal static class AdaptiveThreshold
{
    public static ThresholdDecision Review(double current, ThresholdSettings settings, int signalsLast24h, int resolvedLast24h, double? winRateLast24h)
    {
        var reasons = new List<string>();
        var delta = 0.0;
        var ratio = signalsLast24h / settings.TargetSignalsPerDay;
        if (ratio < 0.85)
        {
            var step = Math.Min(2, (1 - ratio) * 5);
            delta -= step;
            reasons.Add(Invariant($"{signalsLast24h} signals in 24 h is {ratio:P0} of the target {settings.TargetSignalsPerDay:0}: lower by {step:0.00}"));
        }
        else if (ratio > 1.15)
        {
            var step = Math.Min(2, (ratio - 1) * 3);
            delta += step;
            reasons.Add(Invariant($"{signalsLast24h} signals in 24 h is {ratio:P0} of the target {settings.TargetSignalsPerDay:0}: raise by {step:0.00}"));
        }

        if (winRateLast24h is { } wr && resolvedLast24h >= settings.MinResolvedForWinRate && wr < settings.MinWinRate)
        {
            var step = Math.Min(3, (settings.MinWinRate - wr) * 10);
            delta += step;
            reasons.Add(Invariant($"realised win rate {wr:P1} over {resolvedLast24h} outcomes is under {settings.MinWinRate:P0}: raise by {step:0.00}"));
        }

        var proposed = Math.Clamp(current + delta, settings.Minimum, settings.Maximum);
        var change = proposed - current;
        if (Math.Abs(change) < 0.5)
        {
            reasons.Add(Invariant($"net change {change:+0.00;-0.00;0} is under 0.5: kept at {current:0.0}"));
            return new ThresholdDecision(current, current, false, reasons);
        }

        return new ThresholdDecision(current, Math.Round(proposed, 2), true, reasons);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Bounds and targets of the threshold controller (configuration).</summary>
internal sealed record ThresholdSettings(
    double Initial = 72,
    double Minimum = 70,
    double Maximum = 78,
    double TargetSignalsPerDay = 65,
    double MinWinRate = 0.40,
    int MinResolvedForWinRate = 20);

/// <summary>A review's outcome: the threshold before and after, whether it changed, and why.</summary>
internal sealed record ThresholdDecision(double Previous, double Next, bool Changed, IReadOnlyList<string> Reasons);
