using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Stream;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Api;

/// <summary>
/// <c>/api/missions</c>, <c>/api/missions/{id}</c>, <c>/api/missions/{id}/fire</c>, <c>/api/missions/{id}/skip</c>
/// and <c>/api/stream</c>. Every route is the signed-in user's own: someone else's mission answers 404.
/// </summary>
internal static class MissionsEndpoints
{
    private static readonly Dictionary<string, int> KnownStatuses = Enum.GetValues<MissionStatus>().Where(s => s != MissionStatus.Unknown)
        .ToDictionary(s => MissionJson.StatusName((int)s), s => (int)s, StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapMissionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("Missions");
        api.MapGet("/missions", ListAsync).WithSummary("The user's missions, newest first; status filter, page, page_size (≤ 200).");
        api.MapGet("/missions/{id}", GetAsync).WithSummary("One of the user's missions with its signal, live price and seconds to expiry.");
        api.MapPost("/missions/{id}/fire", FireAsync).WithSummary("Fire the mission: 202 {fire_id}; 409 already fired; 410 expired; 422 refused with the reason.");
        api.MapPost("/missions/{id}/skip", SkipAsync).WithSummary("Skip a pending mission.");
        api.MapGet("/stream", StreamEndpoint.StreamAsync).WithSummary("Server-Sent Events: mission, mission_state (replayable after Last-Event-ID); live positions and price (no id); heartbeat comments.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, MissionsDbContext db, TimeProvider time, string? status, int? page, int? page_size, CancellationToken ct)
    {
        if (CurrentUser.Id(http.User) is not { } user)
        {
            return NoUser();
        }

        var size = page_size ?? 50;
        var number = page ?? 1;
        if (size is < 1 or > 200)
        {
            return Bad("page_size", "must be 1-200");
        }

        if (number < 1)
        {
            return Bad("page", "must be 1 or more");
        }

        var query = db.Missions.AsNoTracking().Where(m => m.UserId == user);
        if (status is not null)
        {
            if (!KnownStatuses.TryGetValue(status.Replace('-', '_'), out var code))
            {
                return Bad("status", "must be one of " + string.Join(", ", KnownStatuses.Keys).ToLowerInvariant());
            }

            query = query.Where(m => m.Status == code);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.CreatedAtMs).ThenByDescending(m => m.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return Results.Ok(new { total, page = number, page_size = size, items = rows.Select(m => MissionJson.Summary(m, now)) });
    }

    private static async Task<IResult> GetAsync(HttpContext http, MissionsDbContext db, Requests requests, TimeProvider time, string id, CancellationToken ct)
    {
        if (CurrentUser.Id(http.User) is not { } user)
        {
            return NoUser();
        }

        if (!Ulid.TryParse(id, out var ulid))
        {
            return Bad("id", "must be a mission id (26-character ULID)");
        }

        var row = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == ulid.Value && m.UserId == user, ct);
        if (row is null)
        {
            return NotFound(ulid.Value);
        }

        var (_, quote) = await requests.TrySendAsync<GetMarketQuote, MarketQuote?>(new GetMarketQuote(row.Symbol), ct);
        return Results.Ok(MissionJson.Detail(row, time.GetUtcNow().ToUnixTimeMilliseconds(), quote));
    }

    private static async Task<IResult> FireAsync(HttpContext http, IMediator mediator, TimeProvider time, string id, CancellationToken ct)
    {
        if (CurrentUser.Id(http.User) is not { } user)
        {
            return NoUser();
        }

        if (!Ulid.TryParse(id, out var ulid))
        {
            return Bad("id", "must be a mission id (26-character ULID)");
        }

        var decision = await mediator.Send(new FireMissionCommand(new MissionId(ulid.Value), new UserId(user), FireSource.Http), ct);
        await mediator.Publish(new AuditEventOccurred(new UserId(user), "mission.fire", $"mission:{ulid.Value}",
            decision.Accepted ? $"accepted, fire {decision.FireId?.Value}" : $"refused: {decision.Refusal}", http.Connection.RemoteIpAddress?.ToString(), time.GetUtcNow()), ct);
        if (decision.Accepted)
        {
            return Results.Json(new { mission_id = ulid.Value, fire_id = decision.FireId?.Value }, statusCode: StatusCodes.Status202Accepted);
        }

        var extensions = new Dictionary<string, object?> { ["refusal"] = decision.Refusal.ToString() };
        if (decision.BlockedUntil is { } until)
        {
            extensions["blocked_until"] = until;
        }

        return decision.Refusal switch
        {
            FireRefusal.NotFound or FireRefusal.NotOwner => NotFound(ulid.Value),
            FireRefusal.AlreadyFired => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already fired", detail: decision.Reason, extensions: extensions),
            FireRefusal.Expired => Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Mission expired", detail: decision.Reason, extensions: extensions),
            _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Fire refused", detail: decision.Reason, extensions: extensions),
        };
    }

    private static async Task<IResult> SkipAsync(HttpContext http, MissionsDbContext db, MissionTransitions transitions, TimeProvider time, string id, CancellationToken ct)
    {
        if (CurrentUser.Id(http.User) is not { } user)
        {
            return NoUser();
        }

        if (!Ulid.TryParse(id, out var ulid))
        {
            return Bad("id", "must be a mission id (26-character ULID)");
        }

        var row = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == ulid.Value && m.UserId == user, ct);
        if (row is null)
        {
            return NotFound(ulid.Value);
        }

        if (row.Status == (int)MissionStatus.Pending && time.GetUtcNow().ToUnixTimeMilliseconds() >= row.ExpiresAtMs)
        {
            await transitions.TryMoveAsync(row.Id, user, MissionStatus.Pending, MissionStatus.Expired, new TransitionDetails("expired"), ct);
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Mission expired", detail: "This mission has expired.");
        }

        if (row.Status == (int)MissionStatus.Pending
            && await transitions.TryMoveAsync(row.Id, user, MissionStatus.Pending, MissionStatus.Skipped, new TransitionDetails("skipped by the user"), ct))
        {
            return Results.Ok(new { mission_id = row.Id, status = MissionJson.StatusName((int)MissionStatus.Skipped) });
        }

        var current = await db.Missions.AsNoTracking().Where(m => m.Id == row.Id).Select(m => m.Status).FirstAsync(ct);
        return current == (int)MissionStatus.Expired
            ? Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Mission expired", detail: "This mission has expired.")
            : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot skip",
                detail: $"Only a PENDING mission can be skipped; this one is {MissionJson.StatusName(current)}.");
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such mission", detail: $"You have no mission {id}.");

    private static IResult NoUser() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: "The token carries no user id.");

    private static IResult Bad(string parameter, string rule) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: $"'{parameter}' {rule}.",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
