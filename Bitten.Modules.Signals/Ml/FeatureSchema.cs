namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// The model's input (DOMAIN §7), versioned: the ordered feature names and the vocabularies of the two
/// categorical features (pattern, symbol). A category is encoded as its index in the sorted vocabulary
/// fixed at training and stored with the model, so training and inference encode alike; a category the
/// model never saw, or a missing numeric feature, is NaN ("missing"), which every split sends left.
/// </summary>
internal sealed class FeatureSchema
{
    /// <summary>Bumped whenever a name, its meaning or its order changes; stored with every model.</summary>
    public const string CurrentVersion = "f1";

    /// <summary>The numeric features the engine stores with each signal (SignalEngine.Features), in model order.</summary>
    public static readonly string[] NumericNames =
    [
        "side", "session", "hour", "weekday", "tcs", "shield", "reward_risk", "stop_pips", "atr_over_price",
        "atr_percentile", "spread_pips", "spread_to_median", "m15_alignment", "rsi", "opposing_liquidity_atr",
    ];

    public FeatureSchema(string version, IReadOnlyList<string> patterns, IReadOnlyList<string> symbols, IReadOnlyList<string> numeric)
    {
        Version = version;
        Patterns = [.. patterns];
        Symbols = [.. symbols];
        Numeric = [.. numeric];
        Names = ["pattern", "symbol", .. Numeric];
    }

    public string Version { get; }

    public string[] Patterns { get; }

    public string[] Symbols { get; }

    public string[] Numeric { get; }

    /// <summary>Every column in model order: pattern, symbol, then <see cref="Numeric"/>.</summary>
    public string[] Names { get; }

    public int Count => Names.Length;

    /// <summary>The current schema with vocabularies taken (sorted, ordinal) from the training rows.</summary>
    public static FeatureSchema For(IEnumerable<string> patterns, IEnumerable<string> symbols) =>
        new(CurrentVersion, [.. patterns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. symbols.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], NumericNames);

    /// <summary>
    /// The one feature function, used at training and at inference: writes <see cref="Count"/> values into
    /// <paramref name="destination"/>. Allocation-free.
    /// </summary>
    public void Extract(IReadOnlyDictionary<string, double> features, string pattern, string symbol, Span<float> destination)
    {
        if (destination.Length < Names.Length)
        {
            throw new ArgumentException($"needs room for {Names.Length} features", nameof(destination));
        }

        destination[0] = Code(Patterns, pattern);
        destination[1] = Code(Symbols, symbol);
        var numeric = Numeric;
        for (var i = 0; i < numeric.Length; i++)
        {
            destination[i + 2] = features.TryGetValue(numeric[i], out var v) && double.IsFinite(v) ? (float)v : float.NaN;
        }
    }

    private static float Code(string[] vocabulary, string value)
    {
        for (var i = 0; i < vocabulary.Length; i++)
        {
            if (string.Equals(vocabulary[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return float.NaN;
    }
}
