namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// Bootstrap of a sequence of trade results: each path draws as many trades as the sample, with
/// replacement, from a seeded generator; the distribution of the final R and of the maximum drawdown
/// (5th/50th/95th percentiles) shows the range of outcomes, not one lucky path.
/// </summary>
internal static class MonteCarlo
{
    public static MonteCarloResult Bootstrap(IReadOnlyList<double> rs, int paths = 10_000, int seed = 20_261_122)
    {
        if (rs.Count == 0 || paths <= 0)
        {
            return new MonteCarloResult(paths, seed, 0, default, default, 0);
        }

        var random = new Random(seed);
        var finals = new double[paths];
        var drawdowns = new double[paths];
        var losing = 0;
        for (var p = 0; p < paths; p++)
        {
            double total = 0, peak = 0, maxDrawdown = 0;
            for (var i = 0; i < rs.Count; i++)
            {
                total += rs[random.Next(rs.Count)];
                peak = Math.Max(peak, total);
                maxDrawdown = Math.Max(maxDrawdown, peak - total);
            }

            finals[p] = total;
            drawdowns[p] = maxDrawdown;
            losing += total < 0 ? 1 : 0;
        }

        Array.Sort(finals);
        Array.Sort(drawdowns);
        return new MonteCarloResult(paths, seed, rs.Count, Percentiles.Of(finals), Percentiles.Of(drawdowns), losing / (double)paths);
    }
}

/// <summary>The bootstrap's distribution: final R and maximum drawdown percentiles, and the share of paths that end below zero.</summary>
internal sealed record MonteCarloResult(int Paths, int Seed, int TradesPerPath, Percentiles FinalR, Percentiles MaxDrawdownR, double ShareLosing);

/// <summary>5th, 50th and 95th percentiles (linear interpolation between order statistics).</summary>
internal readonly record struct Percentiles(double P5, double P50, double P95)
{
    public static Percentiles Of(double[] sorted) => new(At(sorted, 0.05), At(sorted, 0.50), At(sorted, 0.95));

    public static double At(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
