using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Sizing;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Live prices for one fan-out: each pair is asked of Signals (<see cref="GetMarketQuote"/>) at most once, and
/// the quote→account rate is computed once per account currency, however many users share it.
/// </summary>
internal sealed class CrossRates(Requests requests)
{
    private readonly Dictionary<string, decimal?> _mids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (decimal? Rate, string? Missing)> _rates = new(StringComparer.Ordinal);

    /// <summary>Value of 1.0 of the symbol's quote currency in the account currency, or the pair whose price is missing.</summary>
    public async Task<(decimal? Rate, string? Missing)> QuoteToAccountAsync(string symbol, string accountCurrency, decimal entry, CancellationToken cancellationToken)
    {
        var key = symbol + "/" + accountCurrency;
        if (_rates.TryGetValue(key, out var known))
        {
            return known;
        }

        // At most two USD legs are needed; each miss fetches that pair and tries again.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (value, missing) = PriceUnitValue.FromCrossRates(symbol, accountCurrency, 1m, entry, pair => _mids.GetValueOrDefault(pair));
            if (value is not null || missing is null || _mids.ContainsKey(missing))
            {
                return _rates[key] = (value, missing);
            }

            _mids[missing] = await MidAsync(missing, cancellationToken);
        }

        return _rates[key] = (null, symbol);
    }

    private async Task<decimal?> MidAsync(string pair, CancellationToken cancellationToken)
    {
        var (_, quote) = await requests.TrySendAsync<GetMarketQuote, MarketQuote?>(new GetMarketQuote(pair), cancellationToken);
        return quote is { Bid: > 0, Ask: > 0 } ? (quote.Bid + quote.Ask) / 2m : null;
    }
}
