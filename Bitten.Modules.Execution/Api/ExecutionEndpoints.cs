using System.Security.Claims;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Bitten.Modules.Execution.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Api;

/// <summary>
/// <c>/api/fires</c>, <c>/api/fires/{id}</c>, <c>/api/positions</c>, <c>POST /api/positions/{fire}/close</c>,
/// <c>/api/eas</c>; admin <c>/api/admin/eas</c> and <c>/api/admin/halt</c>. The user is the token's, always.
/// </summary>
internal static class ExecutionEndpoints
{
    public static IEndpointRouteBuilder MapExecutionApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("Execution");
        api.MapGet("/fires", ListFiresAsync).WithSummary("The user's fires, newest first (limit ≤ 500).");
        api.MapGet("/fires/{id}", GetFireAsync).WithSummary("One of the user's fires with its timeline.");
        api.MapGet("/positions", Positions).WithSummary("Open positions on the user's terminals; positions BITTEN did not open are shown with bitten=false.");
        api.MapPost("/positions/{fire}/close", CloseAsync).WithSummary("Asks the user's terminal to close the position of one of the user's fires.");
        api.MapGet("/eas", (ClaimsPrincipal user, EaRegistry registry, IOptions<ExecutionOptions> o, TimeProvider time) =>
            CurrentUser.Id(user) is { } id ? Results.Ok(registry.Snapshot().Where(s => s.UserId == id).Select(s => View(s, time.GetUtcNow(), o.Value))) : Results.Unauthorized());

        var admin = endpoints.MapGroup("/api/admin").RequireAuthorization("admin").WithTags("Execution admin");
        admin.MapGet("/eas", (EaRegistry registry, IOptions<ExecutionOptions> o, TimeProvider time) => Results.Ok(registry.Snapshot().Select(s => View(s, time.GetUtcNow(), o.Value))));
        admin.MapGet("/halt", async (HaltSwitch halt, CancellationToken ct) => Results.Ok(new { halted = await halt.IsHaltedAsync(ct), changed_by = halt.ChangedBy, changed_at = halt.ChangedAt }));
        admin.MapPost("/halt", SetHaltAsync).WithSummary("Halts (or resumes) all new fires at once; close_all also asks every connected terminal to close BITTEN's positions.");
        return endpoints;
    }

    private static async Task<IResult> ListFiresAsync(ClaimsPrincipal user, ExecutionDbContext db, int? limit, CancellationToken ct)
    {
        if (CurrentUser.Id(user) is not { } id)
        {
            return Results.Unauthorized();
        }

        var take = limit ?? 100;
        if (take is < 1 or > 500)
        {
            return Bad("limit", "must be 1-500");
        }

        var fires = await db.Fires.AsNoTracking().Where(f => f.UserId == id).OrderByDescending(f => f.CreatedAtMs).Take(take).ToListAsync(ct);
        return Results.Ok(fires.Select(FireView));
    }

    private static async Task<IResult> GetFireAsync(ClaimsPrincipal user, ExecutionDbContext db, string id, CancellationToken ct)
    {
        if (CurrentUser.Id(user) is not { } userId)
        {
            return Results.Unauthorized();
        }

        var fire = await db.Fires.AsNoTracking().FirstOrDefaultAsync(f => f.FireId == id && f.UserId == userId, ct);
        if (fire is null)
        {
            return Results.Problem(statusCode: 404, title: "Fire not found", detail: $"No fire '{id}' of yours.");
        }

        var events = await db.FireEvents.AsNoTracking().Where(e => e.FireId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return Results.Ok(new
        {
            fire = FireView(fire),
            timeline = events.Select(e => new { status = e.Status.ToString().ToUpperInvariant(), at = DateTimeOffset.FromUnixTimeMilliseconds(e.AtMs), detail = e.Detail }),
        });
    }

    private static IResult Positions(ClaimsPrincipal user, EaRegistry registry)
    {
        if (CurrentUser.Id(user) is not { } id)
        {
            return Results.Unauthorized();
        }

        return Results.Ok(registry.Snapshot().Where(s => s.UserId == id).SelectMany(s => s.Positions.Select(p => new
        {
            ea_id = s.EaId,
            position = p.Position,
            fire_id = p.FireId,
            bitten = !string.IsNullOrEmpty(p.FireId),
            symbol = p.Symbol,
            side = p.Side.ToString().ToUpperInvariant(),
            volume = p.Volume,
            open_price = p.OpenPrice,
            sl = p.StopLoss,
            tp = p.TakeProfit,
            profit = p.Profit,
            open_time = DateTimeOffset.FromUnixTimeMilliseconds(p.OpenTsMs),
        })));
    }

    private static async Task<IResult> CloseAsync(HttpContext http, ClaimsPrincipal user, ExecutionDbContext db, RouterQueue router, IMediator mediator, TimeProvider time, ILoggerFactory loggers, string fire, CancellationToken ct)
    {
        if (CurrentUser.Id(user) is not { } id)
        {
            return Results.Unauthorized();
        }

        var record = await db.Fires.AsNoTracking().FirstOrDefaultAsync(f => f.FireId == fire && f.UserId == id, ct);
        if (record is null)
        {
            return Results.Problem(statusCode: 404, title: "Fire not found", detail: $"No fire '{fire}' of yours.");
        }

        if (record.Status != FireStatus.Filled || record.Position is not { } position)
        {
            return Results.Problem(statusCode: 409, title: "Nothing to close", detail: $"Fire '{fire}' has no open position (status {record.Status.ToString().ToUpperInvariant()}).");
        }

        if (!router.Send(record.EaId, EaCommands.Close(record.FireId, position)))
        {
            return Results.Problem(statusCode: 503, title: "Busy", detail: "The command queue is full; try again.");
        }

        Log.CloseRequested(loggers.CreateLogger("Bitten.Modules.Execution"), record.FireId, position, id);
        await mediator.Publish(new AuditEventOccurred(new UserId(id), "position.close", $"fire:{record.FireId}", $"position {position}",
            http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow()), ct);
        return Results.Accepted($"/api/fires/{record.FireId}", new { fire_id = record.FireId, position, status = "close requested" });
    }

    private static async Task<IResult> SetHaltAsync(HttpContext http, ClaimsPrincipal user, HaltRequest? body, HaltSwitch halt, RouterQueue router, IMediator mediator, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        if (body?.Halted is not { } halted)
        {
            return Bad("halted", "is required (true or false)");
        }

        var who = CurrentUser.Describe(user);
        await halt.SetAsync(halted, who, ct);
        var closeAll = halted && body.CloseAll == true;
        if (closeAll)
        {
            router.Broadcast(EaCommands.CloseAll());
        }

        Log.HaltChanged(loggers.CreateLogger("Bitten.Modules.Execution"), halted, who, closeAll);
        await mediator.Publish(new AuditEventOccurred(CurrentUser.Id(user) is { } admin ? new UserId(admin) : null, halted ? "trading.halt" : "trading.resume",
            "all", closeAll ? "close_all" : null, http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow()), ct);
        return Results.Ok(new { halted, close_all = closeAll, changed_by = who });
    }

    private static object View(EaState s, DateTimeOffset now, ExecutionOptions o) => new
    {
        ea_id = s.EaId,
        user_id = s.UserId,
        is_default = s.IsDefault,
        online = s.IsFresh(now, o.StaleAfter),
        connected = s.Session,
        last_seen = s.LastSeenMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(s.LastSeenMs) : (DateTimeOffset?)null,
        currency = s.Currency,
        balance = s.Balance,
        equity = s.Equity,
        margin = s.Margin,
        free_margin = s.FreeMargin,
        start_of_day_equity = s.StartOfDayEquity,
        broker = s.Broker,
        broker_utc_offset_s = s.BrokerUtcOffsetSeconds,
        positions = s.Positions.Count,
        symbols = s.Symbols.Values.Select(x => new { symbol = x.Symbol, broker_symbol = x.BrokerSymbol, tick_value = x.TickValue, tick_size = x.TickSize, volume_min = x.VolumeMin, volume_step = x.VolumeStep, volume_max = x.VolumeMax }),
        ping_ms = s.LastPingRttMs,
    };

    private static object FireView(FireRecord f) => new
    {
        fire_id = f.FireId,
        mission_id = f.MissionId,
        signal_id = f.SignalId,
        ea_id = f.EaId,
        symbol = f.Symbol,
        side = ((Side)f.Side).ToString().ToUpperInvariant(),
        volume = f.Volume,
        entry = f.Entry,
        sl = f.StopLoss,
        tp = f.TakeProfit,
        risk_money = f.RiskMoney,
        status = f.Status.ToString().ToUpperInvariant(),
        created_at = DateTimeOffset.FromUnixTimeMilliseconds(f.CreatedAtMs),
        fill_price = f.FillPrice,
        position = f.Position,
        close_price = f.ClosePrice,
        profit = f.Profit,
        r_multiple = f.RMultiple,
        result = f.Result is { } r ? ((Contracts.Execution.TradeResult)r).ToString().ToUpperInvariant() : null,
        message = f.Message,
    };

    private static IResult Bad(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} {problem}"] });
}
