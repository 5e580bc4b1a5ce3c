namespace Bitten.Simulator.Market;

/// <summary>
/// What the paper broker and the generator know about one symbol: price scale, digits, typical
/// daily volatility, spread and contract. Defaults are realistic retail-broker figures (DOMAIN §1).
/// </summary>
internal sealed record SymbolProfile(
    string Symbol,
    int Digits,
    double PipSize,
    double BasePrice,
    double DailyVolatility,
    double SpreadPips,
    double ContractSize,
    string ProfitCurrency,
    double TicksPerSecond)
{
    public double Point => Math.Pow(10, -Digits);

    /// <summary>JPY, AUD and NZD pairs are active in the Asian session (DOMAIN §5 context bonuses).</summary>
    public bool IsAsiaPacific => Symbol.Contains("JPY", StringComparison.Ordinal) || Symbol.Contains("AUD", StringComparison.Ordinal) || Symbol.Contains("NZD", StringComparison.Ordinal);

    public static IReadOnlyList<SymbolProfile> Defaults { get; } =
    [
        new("EURUSD", 5, 0.0001, 1.0850, 0.0055, 0.8, 100_000, "USD", 1.0),
        new("GBPUSD", 5, 0.0001, 1.2700, 0.0065, 1.1, 100_000, "USD", 1.0),
        new("USDJPY", 3, 0.01, 150.00, 0.0065, 1.0, 100_000, "JPY", 1.0),
        new("USDCHF", 5, 0.0001, 0.8800, 0.0055, 1.3, 100_000, "CHF", 0.8),
        new("AUDUSD", 5, 0.0001, 0.6600, 0.0070, 1.0, 100_000, "USD", 0.8),
        new("USDCAD", 5, 0.0001, 1.3600, 0.0050, 1.4, 100_000, "CAD", 0.8),
        new("NZDUSD", 5, 0.0001, 0.6000, 0.0075, 1.5, 100_000, "USD", 0.6),
        new("EURJPY", 3, 0.01, 162.50, 0.0070, 1.6, 100_000, "JPY", 0.8),
        new("GBPJPY", 3, 0.01, 190.50, 0.0085, 2.5, 100_000, "JPY", 0.8),
        new("XAUUSD", 2, 0.1, 2400.00, 0.0110, 2.5, 100, "USD", 1.2),
        new("EURGBP", 5, 0.0001, 0.8550, 0.0040, 1.2, 100_000, "GBP", 0.5),
        new("AUDJPY", 3, 0.01, 99.00, 0.0090, 1.8, 100_000, "JPY", 0.6),
    ];

    public static SymbolProfile? Find(string symbol) =>
        Defaults.FirstOrDefault(p => string.Equals(p.Symbol, symbol, StringComparison.OrdinalIgnoreCase));
}
