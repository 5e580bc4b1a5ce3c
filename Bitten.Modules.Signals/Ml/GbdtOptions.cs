namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Gradient boosting parameters (names as XGBoost's: max_depth, eta, lambda, min_child_weight, gamma,
/// subsample, colsample_bytree, max_bin). Training is deterministic for a given <see cref="Seed"/>.
/// </summary>
internal sealed record GbdtOptions
{
    public int Rounds { get; init; } = 300;

    public int MaxDepth { get; init; } = 4;

    public double LearningRate { get; init; } = 0.05;

    public double Lambda { get; init; } = 1.0;

    public double MinChildWeight { get; init; } = 1.0;

    public double Gamma { get; init; }

    public double Subsample { get; init; } = 0.8;

    public double ColSample { get; init; } = 0.8;

    /// <summary>Bins per feature including the missing bin; at most 256.</summary>
    public int MaxBins { get; init; } = 256;

    /// <summary>Stop when validation log-loss has not improved for this many rounds (0: never).</summary>
    public int EarlyStoppingRounds { get; init; } = 30;

    public ulong Seed { get; init; } = 42;

    public void Validate()
    {
        Check(Rounds is >= 1 and <= 100_000, "Rounds must be 1-100000");
        Check(MaxDepth is >= 1 and <= 16, "MaxDepth must be 1-16");
        Check(LearningRate is > 0 and <= 1, "LearningRate must be in (0, 1]");
        Check(Lambda >= 0 && MinChildWeight >= 0 && Gamma >= 0, "Lambda, MinChildWeight and Gamma must be ≥ 0");
        Check(Subsample is > 0 and <= 1 && ColSample is > 0 and <= 1, "Subsample and ColSample must be in (0, 1]");
        Check(MaxBins is >= 3 and <= 256, "MaxBins must be 3-256");
        Check(EarlyStoppingRounds >= 0, "EarlyStoppingRounds must be ≥ 0");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(message);
        }
    }
}

/// <summary>SplitMix64: a tiny seeded generator whose sequence never changes between runtimes.</summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public int NextInt(int maxExclusive) => (int)((Next() >> 33) % (ulong)maxExclusive);
}
