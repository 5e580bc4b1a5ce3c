using Bitten.Modules.Signals.Ml;

namespace Bitten.Bench.Ml;

/// <summary>
/// 100,000 rows × 20 features with a known non-linear rule (interactions, thresholds, a sine, 5 % missing
/// values in two columns, eight pure-noise columns) — the training-speed and accuracy reference.
/// </summary>
internal static class Synthetic
{
    public const int Features = 20;

    public static Dataset Generate(int rows, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var x = new float[rows * Features];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = x.AsSpan(i * Features, Features);
            for (var f = 0; f < Features; f++)
            {
                row[f] = (float)((rng.NextDouble() * 2) - 1);
            }

            row[10] = rng.NextInt(6); // a categorical code
            row[11] = MathF.Round(row[11] * 50) / 10; // coarse values: many ties
            var z = (1.5 * Math.Sin(2.5 * row[0])) + (2.0 * row[1] * row[2]) + (row[3] > 0.3f ? 1.0 : -0.5) - (1.5 * row[4] * row[4])
                + (0.8 * row[5]) + (row[10] is 2 or 4 ? 0.7 : -0.2) + (0.3 * row[11]) - 0.2;
            y[i] = rng.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
            if (rng.NextDouble() < 0.05)
            {
                row[5] = float.NaN;
            }

            if (rng.NextDouble() < 0.05)
            {
                row[6] = float.NaN;
            }
        }

        return new Dataset(x, y, Features);
    }
}
