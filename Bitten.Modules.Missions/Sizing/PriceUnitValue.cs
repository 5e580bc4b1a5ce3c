using Bitten.Contracts.Signals;

namespace Bitten.Modules.Missions.Sizing;

/// <summary>
/// The value, in account currency, of a move of 1.0 in the price for one lot. From the broker's tick
/// value per tick size when the user's EA reported the symbol; otherwise contract size × the rate that
/// converts the symbol's quote currency into the account currency, through the USD leg of live prices
/// (USD account: EURUSD 1 pip = 10 USD; USDJPY 1 pip = 1000 / USDJPY; GBPJPY via USDJPY; XAUUSD 100 oz).
/// </summary>
internal static class PriceUnitValue
{
    /// <summary>Currencies whose USD pair is quoted XXXUSD by market convention; the others are USDXXX.</summary>
    private static readonly HashSet<string> QuotedAgainstUsd = new(StringComparer.Ordinal) { "EUR", "GBP", "AUD", "NZD", "XAU", "XAG", "XPT", "XPD" };

    /// <summary>Tick value per tick size, or null when the spec does not carry usable numbers.</summary>
    public static decimal? FromSpec(SymbolSpec? spec) =>
        spec is { TickSize: > 0, TickValue: > 0 } ? spec.TickValue / spec.TickSize : null;

    /// <summary>
    /// Contract × quote→account rate. <paramref name="mid"/> gives a symbol's mid price (null when unknown);
    /// the signal's own symbol is priced at <paramref name="entry"/>. Returns the missing pair when a price is lacking.
    /// </summary>
    public static (decimal? Value, string? MissingPair) FromCrossRates(string symbol, string accountCurrency, decimal contractSize, decimal entry, Func<string, decimal?> mid)
    {
        if (symbol.Length != 6)
        {
            return (null, symbol);
        }

        var quote = symbol[3..];
        var account = accountCurrency.ToUpperInvariant();
        if (quote == account)
        {
            return (contractSize, null);
        }

        decimal? Price(string pair) => pair == symbol ? entry : mid(pair);

        var (usdPerQuote, missingQuote) = UsdPer(quote, Price);
        if (usdPerQuote is null)
        {
            return (null, missingQuote);
        }

        var (usdPerAccount, missingAccount) = UsdPer(account, Price);
        return usdPerAccount is null ? (null, missingAccount) : (contractSize * usdPerQuote.Value / usdPerAccount.Value, null);
    }

    /// <summary>How many USD one unit of <paramref name="currency"/> is worth.</summary>
    private static (decimal? Rate, string? MissingPair) UsdPer(string currency, Func<string, decimal?> price)
    {
        if (currency == "USD")
        {
            return (1m, null);
        }

        var pair = QuotedAgainstUsd.Contains(currency) ? currency + "USD" : "USD" + currency;
        var p = price(pair);
        if (p is not > 0)
        {
            return (null, pair);
        }

        return (QuotedAgainstUsd.Contains(currency) ? p.Value : 1m / p.Value, null);
    }
}
