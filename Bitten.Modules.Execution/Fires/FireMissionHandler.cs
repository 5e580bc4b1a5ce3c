using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Gamification;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Modules.Execution.Wire;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Fires;

/// <summary>
/// The only way a fire is created (HTTP, bot and auto-fire all come through Missions to here): halt,
/// expiry, weekend, tier, slots, the user's own fresh EA with the symbol, price drift, risk guards and
/// the tactic of the day; then the fire, its first timeline entry and its outbox row in one transaction.
/// </summary>
internal sealed class FireMissionHandler(
    ExecutionDbContext db,
    IMediator mediator,
    EaRegistry registry,
    HaltSwitch halt,
    RouterQueue router,
    ExecutionMetrics metrics,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<FireMissionHandler> logger) : IRequestHandler<FireMission, FireDecision>
{
    private static readonly FireStatus[] SlotStates = [FireStatus.Queued, FireStatus.Sent, FireStatus.Filled, FireStatus.Unconfirmed];

    public async Task<FireDecision> Handle(FireMission request, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(request, cancellationToken);
        if (!decision.Accepted)
        {
            metrics.Refused(decision.Refusal.ToString());
            Log.FireRefused(logger, request.MissionId.Value, request.UserId.Value, decision.Refusal.ToString(), decision.Reason ?? string.Empty);
        }

        return decision;
    }

    private async Task<FireDecision> DecideAsync(FireMission request, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var userId = request.UserId.Value;
        if (await halt.IsHaltedAsync(ct))
        {
            return FireDecision.Refuse(FireRefusal.Halted, "Trading is halted by the administrator; no new fires are accepted.");
        }

        if (await db.Fires.AnyAsync(f => f.MissionId == request.MissionId.Value, ct))
        {
            return FireDecision.Refuse(FireRefusal.AlreadyFired, "This mission was already fired.");
        }

        if (request.Side is not (Side.Buy or Side.Sell) || request.Entry <= 0 || request.StopLoss <= 0 || request.TakeProfit <= 0 || request.Entry == request.StopLoss)
        {
            return FireDecision.Refuse(FireRefusal.NotPermitted, "The mission has no valid side, entry, stop and target.");
        }

        if (request.Volume <= 0)
        {
            return FireDecision.Refuse(FireRefusal.BelowMinimumVolume, "The mission's volume is zero: the risk is too small for the minimum lot.");
        }

        if (now >= request.ExpiresAt)
        {
            return FireDecision.Refuse(FireRefusal.Expired, $"The mission expired at {request.ExpiresAt:HH:mm} UTC.");
        }

        if (RiskGuards.WeekendUntil(now) is { } weekendEnd && !await TargetTradesWeekendsAsync(userId, o, ct))
        {
            return FireDecision.Refuse(FireRefusal.Weekend, $"The market is closed for the weekend until {weekendEnd:ddd HH:mm} UTC.", weekendEnd);
        }

        var (_, entitlements) = await mediator.TrySend(new GetUserEntitlements(request.UserId), ct);
        if (entitlements is null || !entitlements.IsActive)
        {
            return FireDecision.Refuse(FireRefusal.NotPermitted, "Your account is not active.");
        }

        if (!entitlements.CanFire)
        {
            return FireDecision.Refuse(FireRefusal.NotPermitted, $"Your tier {entitlements.Tier} does not allow firing on a live account.");
        }

        var open = await db.Fires.CountAsync(f => f.UserId == userId && SlotStates.Contains(f.Status), ct);
        if (open >= entitlements.MaxOpenFires)
        {
            return FireDecision.Refuse(FireRefusal.NoFreeSlot, $"All {entitlements.MaxOpenFires} of your fire slots are in use; close a position first.");
        }

        await registry.EnsureLoadedAsync(ct);
        var ea = registry.TargetFor(userId);
        if (ea is null)
        {
            return FireDecision.Refuse(FireRefusal.NoTerminal, "No terminal is linked to your account.");
        }

        if (!ea.CanReceive(now, o.StaleAfter))
        {
            return FireDecision.Refuse(FireRefusal.TerminalOffline, "terminal offline");
        }

        if (!ea.Symbols.TryGetValue(request.Symbol, out var spec))
        {
            return FireDecision.Refuse(FireRefusal.SymbolUnavailable, $"Your terminal does not offer {request.Symbol}.");
        }

        if (spec.VolumeMin > 0 && request.Volume < spec.VolumeMin)
        {
            return FireDecision.Refuse(FireRefusal.BelowMinimumVolume, $"Volume {request.Volume} is below your broker's minimum {spec.VolumeMin} for {request.Symbol}.");
        }

        var (_, quote) = await mediator.TrySend(new GetMarketQuote(request.Symbol), ct);
        if (quote is null || quote.Stale)
        {
            return FireDecision.Refuse(FireRefusal.SymbolSuspended, $"{request.Symbol} is suspended: its price feed is stale.");
        }

        var drift = RiskGuards.DriftR(request.Side, request.Entry, request.StopLoss, quote.Bid, quote.Ask);
        if (drift > o.MaxDriftR)
        {
            return FireDecision.Refuse(FireRefusal.PriceMoved, $"The price moved {drift:0.00} R from the entry (the limit is {o.MaxDriftR:0.0#} R).");
        }

        var guard = await GuardsAsync(userId, ea, now, ct);
        if (guard is not null)
        {
            return guard;
        }

        var (tacticHandled, tactic) = await mediator.TrySend(new CheckTactic(request.UserId, request.Confidence, request.Side, now), ct);
        if (tacticHandled && tactic is { Allowed: false })
        {
            return FireDecision.Refuse(FireRefusal.TacticRule, $"Today's tactic {tactic.Tactic} does not allow this fire: {tactic.Reason}");
        }

        return await CreateAsync(request, ea, spec, entitlements.Bitmode, now, ct);
    }

    private async Task<FireDecision?> GuardsAsync(long userId, EaState ea, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var closed = await db.Fires.AsNoTracking()
            .Where(f => f.UserId == userId && f.Status == FireStatus.Closed && f.ClosedAtMs != null)
            .OrderByDescending(f => f.ClosedAtMs)
            .Select(f => new { f.ClosedAtMs, f.Profit, f.Result })
            .Take(200)
            .ToListAsync(ct);
        var realisedToday = closed.Where(c => c.ClosedAtMs >= dayStart).Sum(c => c.Profit ?? 0);
        if (RiskGuards.DailyCapUntil(now, ea.StartOfDayEquity ?? 0, ea.Equity, realisedToday, o.DailyLossCapPercent) is { } capUntil)
        {
            return FireDecision.Refuse(FireRefusal.GuardBlocked, $"Daily loss cap: today's loss reached {o.DailyLossCapPercent:0.#} % of start-of-day equity; new fires resume at {capUntil:HH:mm} UTC.", capUntil);
        }

        var recent = closed.Select(c => ((TradeResult)(c.Result ?? 0), c.ClosedAtMs!.Value)).ToList();
        if (RiskGuards.TiltUntil(now, recent, o.TiltLosses, o.TiltBlock) is { } tiltUntil)
        {
            return FireDecision.Refuse(FireRefusal.GuardBlocked, $"Tilt guard: {o.TiltLosses} losses in a row; new fires resume at {tiltUntil:HH:mm} UTC.", tiltUntil);
        }

        return null;
    }

    private async Task<FireDecision> CreateAsync(FireMission request, EaState ea, SymbolSpec spec, bool bitmode, DateTimeOffset now, CancellationToken ct)
    {
        var fireId = FireId.New(now);
        var nowMs = now.ToUnixTimeMilliseconds();
        var fire = new FireRecord
        {
            FireId = fireId.Value, MissionId = request.MissionId.Value, UserId = request.UserId.Value, SignalId = request.SignalId.Value, EaId = ea.EaId,
            Symbol = request.Symbol, BrokerSymbol = spec.BrokerSymbol, Side = (int)request.Side, Volume = request.Volume, Entry = request.Entry,
            StopLoss = request.StopLoss, TakeProfit = request.TakeProfit, RiskMoney = request.RiskMoney, Point = spec.Point, Source = (int)request.Source,
            Status = FireStatus.Queued, CreatedAtMs = nowMs, ExpiresAtMs = request.ExpiresAt.ToUnixTimeMilliseconds(), Bitmode = bitmode,
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Fires.Add(fire);
            db.FireEvents.Add(new FireEventRecord { FireId = fire.FireId, Status = FireStatus.Queued, AtMs = nowMs, Detail = $"queued for EA {ea.EaId} ({request.Source})" });
            db.Outbox.Add(new OutboxRecord { FireId = fire.FireId, CreatedAtMs = nowMs });
            try
            {
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
            {
                db.ChangeTracker.Clear();
                return FireDecision.Refuse(FireRefusal.AlreadyFired, "This mission was already fired.");
            }
        }

        metrics.Fire(FireStatus.Queued.ToString());
        Log.FireQueued(logger, fire.FireId, fire.MissionId, fire.UserId, ea.EaId, fire.Symbol, request.Side.ToString(), fire.Volume, request.Source.ToString());
        router.FireQueued(fire);
        return FireDecision.Accept(fireId);
    }

    /// <summary>True when the user's target EA is listed in <see cref="ExecutionOptions.WeekendOpenEas"/> (a simulated market).</summary>
    private async Task<bool> TargetTradesWeekendsAsync(long userId, ExecutionOptions o, CancellationToken ct)
    {
        if (o.WeekendOpenEas.Length == 0)
        {
            return false;
        }

        await registry.EnsureLoadedAsync(ct);
        return registry.TargetFor(userId) is { } ea && o.WeekendOpenEas.Contains(ea.EaId, StringComparer.Ordinal);
    }
}
