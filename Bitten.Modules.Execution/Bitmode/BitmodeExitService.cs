using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Modules.Execution.Wire;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Bitmode;

/// <summary>
/// Runs <see cref="ExitRules"/> for every filled BITMODE fire each <see cref="ExecutionOptions.BitmodeInterval"/>: the
/// price and ATR from Signals, the position as the terminal last reported it. Each plan change (and the command it
/// issues) is committed before the command goes to the router, so a restart resumes from the stored plan.
/// </summary>
internal sealed class BitmodeExitService(
    EaRegistry registry,
    RouterQueue router,
    IServiceScopeFactory scopes,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<BitmodeExitService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAllAsync(stoppingToken);
                await Task.Delay(options.Value.BitmodeInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.BitmodeLoopFailed(logger, ex);
                await Task.Delay(options.Value.BitmodeInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One pass over the open BITMODE fires; returns the commands handed to the router.</summary>
    internal async Task<int> StepAllAsync(CancellationToken ct)
    {
        await registry.EnsureLoadedAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var fires = await db.Fires.AsNoTracking().Where(f => f.Status == FireStatus.Filled && f.Bitmode == true).ToListAsync(ct);
        if (fires.Count == 0)
        {
            return 0;
        }

        var ids = fires.Select(f => f.FireId).ToList();
        var plans = await db.ExitPlans.Where(p => ids.Contains(p.FireId)).ToDictionaryAsync(p => p.FireId, StringComparer.Ordinal, ct);
        var market = new MarketView(scope.ServiceProvider.GetRequiredService<IMediator>());
        var o = options.Value;
        var settings = new ExitSettings((long)o.BitmodeAckTimeout.TotalMilliseconds, o.BitmodeMaxAttempts);
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var sends = new List<(string EaId, byte[] Payload)>();
        foreach (var fire in fires)
        {
            if (fire.Position is not { } position || fire.FillPrice is not { } fill)
            {
                continue;
            }

            if (!plans.TryGetValue(fire.FireId, out var plan))
            {
                plan = new ExitPlanRecord { FireId = fire.FireId, Stage = ExitStage.Armed, Stop = fire.StopLoss, UpdatedAtMs = nowMs };
                db.ExitPlans.Add(plan);
            }

            if (plan.Stage is not (ExitStage.Armed or ExitStage.PartialPending or ExitStage.BreakevenPending or ExitStage.Trailing))
            {
                continue;
            }

            var side = (Side)fire.Side;
            var ea = registry.Find(fire.EaId);
            var observed = ea?.Positions.FirstOrDefault(p => p.Position == position);
            var spec = ea is not null && ea.Symbols.TryGetValue(fire.Symbol, out var s) ? s : null;
            var quote = await market.QuoteAsync(fire.Symbol, ct);
            var atr = plan.Stage == ExitStage.Trailing ? await market.AtrAsync(fire.Symbol, ct) : null;
            var inputs = new ExitInputs(fire.FireId, side, fill, fire.StopLoss, fire.TakeProfit, fire.FilledVolume ?? fire.Volume, fire.RemainingVolume,
                quote is { Stale: false } ? (side == Side.Buy ? quote.Bid : quote.Ask) : null, atr,
                observed?.Volume, observed?.StopLoss, ea?.PositionsAtMs ?? 0,
                spec?.VolumeStep ?? 0, spec?.VolumeMin ?? 0, spec?.Point ?? fire.Point, spec?.StopsLevelPoints ?? 0,
                ea?.CanReceive(now, o.StaleAfter) == true, nowMs);
            var step = ExitRules.Step(plan, inputs, settings);
            if (!step.Changed)
            {
                continue;
            }

            plan.UpdatedAtMs = nowMs;
            if (step.Timeline is { } line)
            {
                db.FireEvents.Add(new FireEventRecord { FireId = fire.FireId, Status = FireStatus.Filled, AtMs = nowMs, Detail = line });
                Log.BitmodeStep(logger, fire.FireId, fire.EaId, line);
            }

            if (step.Send is { } command)
            {
                sends.Add((fire.EaId, command.Kind == ExitCommandKind.PartialClose
                    ? EaCommands.PartialClose(fire.FireId, position, command.Volume!.Value, command.CommandId)
                    : EaCommands.Modify(fire.FireId, position, command.Stop!.Value, fire.TakeProfit, command.CommandId)));
            }
        }

        await db.SaveChangesAsync(ct); // write-ahead: the plan says "sent" before the router sends
        foreach (var (eaId, payload) in sends)
        {
            router.Send(eaId, payload); // a full queue reads as a lost send: the acknowledgement rules re-send it
        }

        return sends.Count;
    }

    /// <summary>Quotes and ATRs asked once per symbol per pass.</summary>
    private sealed class MarketView(IMediator mediator)
    {
        private readonly Dictionary<string, MarketQuote?> _quotes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, decimal?> _atrs = new(StringComparer.Ordinal);

        public async Task<MarketQuote?> QuoteAsync(string symbol, CancellationToken ct)
        {
            if (!_quotes.TryGetValue(symbol, out var quote))
            {
                _quotes[symbol] = quote = (await mediator.TrySend(new GetMarketQuote(symbol), ct)).Response;
            }

            return quote;
        }

        public async Task<decimal?> AtrAsync(string symbol, CancellationToken ct)
        {
            if (!_atrs.TryGetValue(symbol, out var atr))
            {
                _atrs[symbol] = atr = (await mediator.TrySend(new GetAtr(symbol), ct)).Response;
            }

            return atr;
        }
    }
}
