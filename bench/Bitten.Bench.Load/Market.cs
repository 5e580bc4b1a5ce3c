namespace Bitten.Bench.Load;

/// <summary>The 12 symbols the EAs stream (DOMAIN §1 defaults), with a small mean-reverting walk per symbol.</summary>
internal sealed class Market(string name, int digits, double pip, double basePrice, double spreadPips, double contractSize, string profitCurrency, double usdPerProfitUnit)
{
    private readonly Random _random = new(name.GetHashCode(StringComparison.Ordinal) & 0x7fffffff);
    private readonly double _base = basePrice;
    private double _mid = basePrice;

    public static IReadOnlyList<Market> All { get; } =
    [
        new("EURUSD", 5, 0.0001, 1.0850, 0.8, 100_000, "USD", 1),
        new("GBPUSD", 5, 0.0001, 1.2700, 1.1, 100_000, "USD", 1),
        new("USDJPY", 3, 0.01, 150.00, 1.0, 100_000, "JPY", 1 / 150.0),
        new("USDCHF", 5, 0.0001, 0.8800, 1.3, 100_000, "CHF", 1 / 0.88),
        new("AUDUSD", 5, 0.0001, 0.6600, 1.0, 100_000, "USD", 1),
        new("USDCAD", 5, 0.0001, 1.3600, 1.4, 100_000, "CAD", 1 / 1.36),
        new("NZDUSD", 5, 0.0001, 0.6000, 1.5, 100_000, "USD", 1),
        new("EURJPY", 3, 0.01, 162.50, 1.6, 100_000, "JPY", 1 / 150.0),
        new("GBPJPY", 3, 0.01, 190.50, 2.5, 100_000, "JPY", 1 / 150.0),
        new("XAUUSD", 2, 0.1, 2400.00, 2.5, 100, "USD", 1),
        new("EURGBP", 5, 0.0001, 0.8550, 1.2, 100_000, "GBP", 1.27),
        new("AUDJPY", 3, 0.01, 99.00, 1.8, 100_000, "JPY", 1 / 150.0),
    ];

    /// <summary>Symbols that make signals by default (the last two are reserve symbols: ingested, no signals).</summary>
    public static IReadOnlyList<Market> Active => [.. All.Take(10)];

    public string Name => name;

    public int Digits => digits;

    public double ContractSize => contractSize;

    public string ProfitCurrency => profitCurrency;

    /// <summary>USD value of one point for one lot (the EA reports it for a USD account).</summary>
    public double TickValueUsd => Math.Pow(10, -digits) * contractSize * usdPerProfitUnit;

    /// <summary>
    /// The next tick: a step of up to 0.1 pip, pulled back toward the base (a stationary spread of about 0.2 pip), so a
    /// mission fired a minute late is still within the 0.3 R drift guard and refusals measure the host, not the walk.
    /// </summary>
    public (double Bid, double Ask) Next()
    {
        var step = (_random.NextDouble() - 0.5) * 0.2 * pip;
        _mid += step - ((_mid - _base) * 0.05);
        var half = spreadPips * pip / 2;
        return (_mid - half, _mid + half);
    }
}
