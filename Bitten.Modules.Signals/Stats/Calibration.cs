namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// Calibration of the stated win probability against the realised win rate: signals grouped in bins of
/// predicted probability (width 0.1), each with its mean prediction, realised rate and Wilson 95 % interval.
/// Timeouts are left out, as in the ML labels (DOMAIN §7).
/// </summary>
internal static class Calibration
{
    public static IReadOnlyList<CalibrationBin> Of(IEnumerable<TradeRow> rows, int bins = 10)
    {
        var decided = rows.Where(r => r.Result is TradeResult.Win or TradeResult.Loss).ToList();
        var result = new List<CalibrationBin>();
        for (var b = 0; b < bins; b++)
        {
            var low = b / (double)bins;
            var high = (b + 1) / (double)bins;
            var inBin = decided.Where(r => r.WinProbability >= low && (r.WinProbability < high || (b == bins - 1 && r.WinProbability <= high))).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }

            var wins = inBin.Count(r => r.Result == TradeResult.Win);
            var (lo, hi) = TradeStatistics.Wilson(wins, inBin.Count);
            result.Add(new CalibrationBin(low, high, inBin.Count, inBin.Average(r => r.WinProbability), wins / (double)inBin.Count, lo, hi));
        }

        return result;
    }

    /// <summary>Brier score of the predictions over decided signals (lower is better); null without any.</summary>
    public static double? Brier(IEnumerable<TradeRow> rows)
    {
        var decided = rows.Where(r => r.Result is TradeResult.Win or TradeResult.Loss).ToList();
        return decided.Count == 0 ? null : decided.Average(r => Math.Pow(r.WinProbability - (r.Result == TradeResult.Win ? 1 : 0), 2));
    }
}

/// <summary>One calibration bin.</summary>
internal sealed record CalibrationBin(double Low, double High, int Count, double MeanPredicted, double Realised, double RealisedLow, double RealisedHigh);
