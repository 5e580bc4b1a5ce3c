using Bitten.Simulator.Market;

namespace Bitten.Simulator.Broker;

internal sealed partial class PaperBroker
{
    /// <summary>Value of one tick of one lot in the account currency at current prices (PROTOCOL <c>symbols</c> tick_value).</summary>
    public decimal TickValue(string symbol)
    {
        lock (_gate)
        {
            var profile = _profiles[symbol];
            return Math.Round((decimal)profile.Point * (decimal)profile.ContractSize * ToAccount(profile.ProfitCurrency), 8);
        }
    }

    /// <summary>Units of the account currency per unit of <paramref name="currency"/>.</summary>
    private decimal ToAccount(string currency) => UsdPer(currency) / UsdPer(_settings.Currency);

    private decimal UsdPer(string currency)
    {
        if (currency == "USD")
        {
            return 1m;
        }

        if (Mid(currency + "USD") is { } direct)
        {
            return direct;
        }

        if (Mid("USD" + currency) is { } inverse && inverse > 0)
        {
            return 1m / inverse;
        }

        throw new InvalidOperationException($"no price converts {currency} to USD (add {currency}USD or USD{currency} to Simulator:Symbols)");
    }

    /// <summary>The current mid of a symbol, or its profile's base price before the first quote.</summary>
    private decimal? Mid(string symbol)
    {
        if (_quotes.TryGetValue(symbol, out var q))
        {
            return (q.Bid + q.Ask) / 2;
        }

        return _profiles.TryGetValue(symbol, out var p) || (p = SymbolProfile.Find(symbol)) is not null ? (decimal)p.BasePrice : null;
    }
}
