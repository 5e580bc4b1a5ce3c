using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Stream;

/// <summary>
/// Every <c>StreamPriceSeconds</c>: for each connected user holding open positions, <c>event: price</c> for each
/// of those symbols (one quote request per distinct symbol per round, shared by all users). Idle users cost nothing.
/// </summary>
internal sealed class PositionStreamPump(
    MissionStreamHub hub, OpenPositionBook book, IServiceScopeFactory scopes, TimeProvider time,
    IOptions<MissionsOptions> options, ILogger<PositionStreamPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.StreamPriceSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PumpAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.PricePumpFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        var watching = book.Holdings().Where(h => hub.HasClients(h.UserId)).ToList();
        if (watching.Count == 0)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<Requests>();
        var quotes = new Dictionary<string, MarketQuote?>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var (user, symbols) in watching)
        {
            foreach (var symbol in symbols)
            {
                if (!quotes.TryGetValue(symbol, out var quote))
                {
                    (_, quote) = await requests.TrySendAsync<GetMarketQuote, MarketQuote?>(new GetMarketQuote(symbol), cancellationToken);
                    quotes[symbol] = quote;
                }

                if (quote is not null)
                {
                    hub.PublishTransient(user, "price", new { symbol = quote.Symbol, bid = quote.Bid, ask = quote.Ask, ts_ms = quote.TsMs, stale = quote.Stale });
                    sent++;
                }
            }
        }

        return sent;
    }
}
