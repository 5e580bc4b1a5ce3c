using Bitten.Modules.Signals.Ml;

namespace Bitten.Modules.Signals.Tests.Ml;

/// <summary>Labelled signals whose win probability follows a known rule over the DOMAIN §7 features.</summary>
internal static class SyntheticSignals
{
    public static readonly string[] Patterns = ["LIQUIDITY_SWEEP_REVERSAL", "ORDER_BLOCK_BOUNCE", "FAIR_VALUE_GAP_FILL", "MOMENTUM_BURST"];

    public static readonly string[] Symbols = ["EURUSD", "GBPUSD", "USDJPY"];

    /// <summary>XOR of two features: invisible to a linear model.</summary>
    public static double NonLinear(IReadOnlyDictionary<string, double> f, string pattern) =>
        Sigmoid(2.2 * Math.Sign((f["tcs"] - 80) * (f["rsi"] - 50)) + (pattern == Patterns[0] ? 0.5 : 0));

    /// <summary>A smooth rule with a realistic (≈ 40 %) base rate.</summary>
    public static double Smooth(IReadOnlyDictionary<string, double> f, string pattern) =>
        Sigmoid(-0.6 + (0.06 * (f["tcs"] - 80)) + (0.6 * f["m15_alignment"]) - (0.4 * Math.Abs(f["rsi"] - 50) / 20));

    public static List<LabelledSignal> Generate(int count, ulong seed, Func<IReadOnlyDictionary<string, double>, string, double> rule)
    {
        var rng = new SplitMix64(seed);
        var rows = new List<LabelledSignal>(count);
        for (var i = 0; i < count; i++)
        {
            var features = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["side"] = rng.NextInt(2) == 0 ? -1 : 1,
                ["session"] = rng.NextInt(5),
                ["hour"] = rng.NextInt(24),
                ["weekday"] = 1 + rng.NextInt(5),
                ["tcs"] = 65 + (30 * rng.NextDouble()),
                ["shield"] = Math.Round(10 * rng.NextDouble(), 1),
                ["reward_risk"] = 1.5 + rng.NextDouble(),
                ["stop_pips"] = 5 + (25 * rng.NextDouble()),
                ["atr_over_price"] = 0.0005 + (0.001 * rng.NextDouble()),
                ["atr_percentile"] = 100 * rng.NextDouble(),
                ["spread_pips"] = 0.5 + rng.NextDouble(),
                ["spread_to_median"] = 0.5 + (2 * rng.NextDouble()),
                ["m15_alignment"] = rng.NextInt(3) - 1,
                ["rsi"] = 20 + (60 * rng.NextDouble()),
                ["opposing_liquidity_atr"] = 10 * rng.NextDouble(),
            };
            var pattern = Patterns[rng.NextInt(Patterns.Length)];
            var symbol = Symbols[rng.NextInt(Symbols.Length)];
            var win = rng.NextDouble() < rule(features, pattern);
            rows.Add(new LabelledSignal($"S{i:D7}", 1_700_000_000_000 + (i * 300_000L), pattern, symbol, features, win));
        }

        return rows;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}

/// <summary>The baseline the issue names: plain logistic regression by gradient descent on standardised features.</summary>
internal sealed class LogisticRegression
{
    private readonly double[] _w;
    private readonly double[] _mean;
    private readonly double[] _scale;
    private double _b;

    private LogisticRegression(int features)
    {
        _w = new double[features];
        _mean = new double[features];
        _scale = new double[features];
    }

    public static LogisticRegression Fit(Dataset data, int iterations = 400, double rate = 0.5)
    {
        var lr = new LogisticRegression(data.Features);
        for (var f = 0; f < data.Features; f++)
        {
            var values = Enumerable.Range(0, data.Rows).Select(i => (double)data.X[(i * data.Features) + f]).Where(v => !double.IsNaN(v)).ToList();
            lr._mean[f] = values.Count == 0 ? 0 : values.Average();
            var sd = values.Count == 0 ? 1 : Math.Sqrt(values.Average(v => (v - lr._mean[f]) * (v - lr._mean[f])));
            lr._scale[f] = sd > 0 ? sd : 1;
        }

        var grad = new double[data.Features];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            double gb = 0;
            for (var i = 0; i < data.Rows; i++)
            {
                var err = lr.Probability(data.Row(i)) - data.Y[i];
                for (var f = 0; f < data.Features; f++)
                {
                    grad[f] += err * lr.Standard(data.Row(i), f);
                }

                gb += err;
            }

            for (var f = 0; f < data.Features; f++)
            {
                lr._w[f] -= rate * grad[f] / data.Rows;
            }

            lr._b -= rate * gb / data.Rows;
        }

        return lr;
    }

    public double Probability(ReadOnlySpan<float> x)
    {
        var z = _b;
        for (var f = 0; f < _w.Length; f++)
        {
            z += _w[f] * Standard(x, f);
        }

        return 1 / (1 + Math.Exp(-z));
    }

    private double Standard(ReadOnlySpan<float> x, int f) => float.IsNaN(x[f]) ? 0 : (x[f] - _mean[f]) / _scale[f];
}
