namespace Bitten.Modules.Signals.Ml;

/// <summary>A dense row-major matrix of features (NaN = missing) with 0/1 labels.</summary>
internal sealed class Dataset
{
    public Dataset(float[] x, float[] y, int features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (x.Length != (long)y.Length * features)
        {
            throw new ArgumentException($"x holds {x.Length} values; {y.Length} rows × {features} features need {(long)y.Length * features}");
        }

        foreach (var label in y)
        {
            if (label is not (0f or 1f))
            {
                throw new ArgumentException("labels must be 0 or 1", nameof(y));
            }
        }

        X = x;
        Y = y;
        Features = features;
    }

    public float[] X { get; }

    public float[] Y { get; }

    public int Features { get; }

    public int Rows => Y.Length;

    public ReadOnlySpan<float> Row(int i) => X.AsSpan(i * Features, Features);

    /// <summary>Rows [start, start + count) as a new dataset.</summary>
    public Dataset Slice(int start, int count) =>
        new(X.AsSpan(start * Features, count * Features).ToArray(), Y.AsSpan(start, count).ToArray(), Features);
}
