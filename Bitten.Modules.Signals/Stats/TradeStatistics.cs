namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// The statistics shown everywhere (DOMAIN §10): counts, win rate with its Wilson 95 % interval,
/// average R, expectancy, profit factor and maximum drawdown in R, from a time-ordered list of R results.
/// </summary>
internal sealed record TradeStatistics(
    int Count,
    int Wins,
    int Losses,
    int Other,
    double? WinRate,
    double WinRateLow,
    double WinRateHigh,
    double AverageR,
    double ExpectancyR,
    double? ProfitFactor,
    double MaxDrawdownR,
    double TotalR)
{
    public const double Z95 = 1.959963984540054;

    public static TradeStatistics From(IEnumerable<(TradeResult Result, double R)> ordered)
    {
        int wins = 0, losses = 0, other = 0;
        double total = 0, gross = 0, grossLoss = 0, peak = 0, maxDrawdown = 0;
        foreach (var (result, r) in ordered)
        {
            switch (result)
            {
                case TradeResult.Win:
                    wins++;
                    break;
                case TradeResult.Loss:
                    losses++;
                    break;
                default:
                    other++;
                    break;
            }

            total += r;
            if (r > 0)
            {
                gross += r;
            }
            else
            {
                grossLoss -= r;
            }

            peak = Math.Max(peak, total);
            maxDrawdown = Math.Max(maxDrawdown, peak - total);
        }

        var count = wins + losses + other;
        var decided = wins + losses;
        var (low, high) = Wilson(wins, decided);
        return new TradeStatistics(
            count, wins, losses, other,
            decided == 0 ? null : (double)wins / decided,
            low, high,
            count == 0 ? 0 : total / count,
            count == 0 ? 0 : total / count,
            grossLoss == 0 ? null : gross / grossLoss,
            maxDrawdown,
            total);
    }

    /// <summary>Wilson score interval for a binomial proportion (95 % by default); (0, 1) for no trials.</summary>
    public static (double Low, double High) Wilson(int successes, int trials, double z = Z95)
    {
        if (trials == 0)
        {
            return (0, 1);
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var margin = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        return (Math.Max(0, centre - margin), Math.Min(1, centre + margin));
    }
}

/// <summary>How a signal or trade ended. Stored: values never renumbered.</summary>
internal enum TradeResult
{
    Unknown = 0,
    Win = 1,
    Loss = 2,
    Breakeven = 3,
    Timeout = 4,
}
