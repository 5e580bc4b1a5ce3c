namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Quantile bins per feature: bin 0 holds missing values; bins 1..k hold values ≤ their upper cut, the cuts
/// being (at most <c>maxBins − 1</c>) quantiles of the training values, each an actual training value. A split
/// "bin ≤ b" is the same as "value ≤ cut[b − 1] or missing", which is what inference evaluates.
/// </summary>
internal sealed class FeatureBins
{
    private FeatureBins(float[][] cuts) => Cuts = cuts;

    public float[][] Cuts { get; }

    /// <summary>Bins of feature <paramref name="f"/>, the missing bin included.</summary>
    public int BinCount(int f) => Cuts[f].Length + 1;

    /// <summary>The inference threshold of the split "bin ≤ <paramref name="bin"/>".</summary>
    public float Threshold(int f, int bin) => bin == 0 ? float.NegativeInfinity : Cuts[f][bin - 1];

    public static FeatureBins Build(Dataset data, int maxBins)
    {
        var valueBins = maxBins - 1;
        var cuts = new float[data.Features][];
        var column = new float[data.Rows];
        for (var f = 0; f < data.Features; f++)
        {
            var m = 0;
            for (var i = 0; i < data.Rows; i++)
            {
                var v = data.X[(i * data.Features) + f];
                if (!float.IsNaN(v))
                {
                    column[m++] = v;
                }
            }

            var values = column.AsSpan(0, m);
            values.Sort();
            var distinct = 0;
            for (var i = 0; i < m; i++)
            {
                if (i == 0 || values[i] != values[i - 1])
                {
                    distinct++;
                }
            }

            var list = new List<float>(Math.Min(distinct, valueBins));
            if (distinct <= valueBins)
            {
                for (var i = 0; i < m; i++)
                {
                    if (i == 0 || values[i] != values[i - 1])
                    {
                        list.Add(values[i]);
                    }
                }
            }
            else
            {
                for (var k = 1; k <= valueBins; k++)
                {
                    var v = values[(int)(((long)k * m / valueBins) - 1)];
                    if (list.Count == 0 || v > list[^1])
                    {
                        list.Add(v);
                    }
                }
            }

            cuts[f] = [.. list];
        }

        return new FeatureBins(cuts);
    }

    /// <summary>The bin of every value, row-major like the data.</summary>
    public byte[] Bin(Dataset data)
    {
        var bins = new byte[data.X.Length];
        var features = data.Features;
        for (var i = 0; i < data.Rows; i++)
        {
            for (var f = 0; f < features; f++)
            {
                bins[(i * features) + f] = BinOf(f, data.X[(i * features) + f]);
            }
        }

        return bins;
    }

    public byte BinOf(int f, float value)
    {
        if (float.IsNaN(value))
        {
            return 0;
        }

        var cuts = Cuts[f];
        if (cuts.Length == 0)
        {
            return 1;
        }

        var index = Array.BinarySearch(cuts, value);
        if (index < 0)
        {
            index = ~index;
        }

        return (byte)(Math.Min(index, cuts.Length - 1) + 1);
    }
}
