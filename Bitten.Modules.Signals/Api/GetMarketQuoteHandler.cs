using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using MediatR;

namespace Bitten.Modules.Signals.Api;

/// <summary>Answers other modules' price questions from the engine's last accepted tick.</summary>
internal sealed class GetMarketQuoteHandler(SignalsRuntime runtime, TimeProvider time) : IRequestHandler<GetMarketQuote, MarketQuote?>
{
    public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken)
    {
        var symbol = runtime.Symbols.Find(request.Symbol);
        if (symbol is null)
        {
            return Task.FromResult<MarketQuote?>(null);
        }

        var ts = Volatile.Read(ref runtime.LastTickMs[symbol.Index]);
        if (ts == long.MinValue)
        {
            return Task.FromResult<MarketQuote?>(null);
        }

        var stale = runtime.IsStale(symbol.Index, time.GetUtcNow().ToUnixTimeMilliseconds());
        return Task.FromResult<MarketQuote?>(new MarketQuote(symbol.Name,
            Math.Round((decimal)runtime.LastBid[symbol.Index], symbol.Digits), Math.Round((decimal)runtime.LastAsk[symbol.Index], symbol.Digits),
            ts, stale, symbol.Digits, (decimal)symbol.PipSize));
    }
}
