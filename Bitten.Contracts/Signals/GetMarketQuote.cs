using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>The latest accepted price of a symbol, and whether its feed is suspended (DOMAIN §9 staleness).</summary>
public sealed record GetMarketQuote(string Symbol) : IRequest<MarketQuote?>;

/// <summary>Bid/ask at <paramref name="TsMs"/>; <paramref name="Stale"/> when the feed is older than the staleness limit.</summary>
public sealed record MarketQuote(string Symbol, decimal Bid, decimal Ask, long TsMs, bool Stale, int Digits, decimal PipSize);
