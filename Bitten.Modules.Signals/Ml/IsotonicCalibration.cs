namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Isotonic regression of outcomes on raw probabilities (pool-adjacent-violators), fitted on a held-out,
/// later slice of time: a non-decreasing step map from the model's raw score to the observed win frequency.
/// Blocks hold at least max(10, n/25) rows (a few-row block is noise). Between block centres the map
/// interpolates linearly; beyond them it is flat. Outputs are kept inside
/// [<see cref="Floor"/>, 1 − <see cref="Floor"/>] so a block of all wins or all losses never claims certainty.
/// </summary>
internal sealed class IsotonicCalibration
{
    public const double Floor = 0.005;

    /// <summary>No calibration block rests on fewer rows than this…</summary>
    public const int MinimumBlockRows = 10;

    /// <summary>…nor on fewer than 1/<see cref="MaximumBlocks"/> of the calibration rows.</summary>
    public const int MaximumBlocks = 25;

    public IsotonicCalibration(double[] x, double[] y)
    {
        if (x.Length != y.Length || x.Length == 0)
        {
            throw new ArgumentException("calibration needs at least one point and as many x as y");
        }

        X = x;
        Y = y;
    }

    /// <summary>Block centres (raw probability), ascending.</summary>
    public double[] X { get; }

    /// <summary>Calibrated probability at each centre, non-decreasing.</summary>
    public double[] Y { get; }

    public static IsotonicCalibration Fit(ReadOnlySpan<double> raw, ReadOnlySpan<float> labels)
    {
        if (raw.Length == 0)
        {
            throw new ArgumentException("no calibration rows", nameof(raw));
        }

        var order = new int[raw.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = raw.ToArray();
        Array.Sort(keys, order); // ties keep no particular order, but they are pooled below
        // blocks: sum of x, sum of y, count
        var sx = new List<double>();
        var sy = new List<double>();
        var count = new List<double>();
        for (var k = 0; k < keys.Length; k++)
        {
            var x = keys[k];
            var y = (double)labels[order[k]];
            if (sx.Count > 0 && sx[^1] / count[^1] == x)
            {
                sx[^1] += x;
                sy[^1] += y;
                count[^1] += 1;
            }
            else
            {
                sx.Add(x);
                sy.Add(y);
                count.Add(1);
            }

            while (sx.Count > 1 && sy[^2] / count[^2] >= sy[^1] / count[^1])
            {
                sx[^2] += sx[^1];
                sy[^2] += sy[^1];
                count[^2] += count[^1];
                sx.RemoveAt(sx.Count - 1);
                sy.RemoveAt(sy.Count - 1);
                count.RemoveAt(count.Count - 1);
            }
        }

        // A block of a handful of rows is noise: pool neighbours (left to right) until each block holds at
        // least minimum rows. Pooling adjacent blocks of a non-decreasing sequence keeps it non-decreasing.
        var minimum = Math.Max(MinimumBlockRows, raw.Length / MaximumBlocks);
        var cx = new List<double>();
        var cy = new List<double>();
        double ax = 0, ay = 0, an = 0, consumed = 0;
        for (var i = 0; i < sx.Count; i++)
        {
            (ax, ay, an) = (ax + sx[i], ay + sy[i], an + count[i]);
            consumed += count[i];
            var restCount = raw.Length - consumed;
            if (an >= minimum && (restCount >= minimum || restCount == 0))
            {
                cx.Add(ax / an);
                cy.Add(Math.Clamp(ay / an, Floor, 1 - Floor));
                (ax, ay, an) = (0, 0, 0);
            }
        }

        if (an > 0)
        {
            cx.Add(ax / an);
            cy.Add(Math.Clamp(ay / an, Floor, 1 - Floor));
        }

        return new IsotonicCalibration([.. cx], [.. cy]);
    }

    public double Apply(double raw)
    {
        var x = X;
        if (raw <= x[0] || double.IsNaN(raw))
        {
            return Y[0];
        }

        if (raw >= x[^1])
        {
            return Y[^1];
        }

        var hi = Array.BinarySearch(x, raw);
        if (hi >= 0)
        {
            return Y[hi];
        }

        hi = ~hi;
        var lo = hi - 1;
        var t = (raw - x[lo]) / (x[hi] - x[lo]);
        return Y[lo] + (t * (Y[hi] - Y[lo]));
    }
}
