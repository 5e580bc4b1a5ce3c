using System.Globalization;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Audit;

/// <summary><c>GET /api/admin/audit</c>: the audit trail, newest first, paged and filterable (admin only).</summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/audit", ListAsync).RequireAuthorization(AuthRegistration.AdminPolicy)
            .WithSummary("Audit trail, newest first; filters user_id, action (exact or prefix ending in '.'), from/to (ISO 8601); page, page_size (≤ 500).");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(UsersDbContext db, long? user_id, string? action, string? from, string? to, int? page, int? page_size, CancellationToken ct)
    {
        var size = page_size ?? 100;
        var number = page ?? 1;
        if (size is < 1 or > 500)
        {
            return Bad("page_size", "must be 1-500");
        }

        if (number < 1)
        {
            return Bad("page", "must be 1 or more");
        }

        var query = db.AuditLog.AsNoTracking();
        if (user_id is { } user)
        {
            query = query.Where(a => a.ActorUserId == user);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            query = action.EndsWith('.') ? query.Where(a => a.Action.StartsWith(action)) : query.Where(a => a.Action == action);
        }

        if (from is not null)
        {
            if (!DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var f))
            {
                return Bad("from", "must be an ISO 8601 time such as 2026-11-22T08:00:00Z");
            }

            var fromMs = f.ToUnixTimeMilliseconds();
            query = query.Where(a => a.AtMs >= fromMs);
        }

        if (to is not null)
        {
            if (!DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                return Bad("to", "must be an ISO 8601 time such as 2026-11-22T09:00:00Z");
            }

            var toMs = t.ToUnixTimeMilliseconds();
            query = query.Where(a => a.AtMs < toMs);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return Results.Ok(new AuditPage(total, number, size,
            [.. rows.Select(a => new AuditEntryView(a.Id, DateTimeOffset.FromUnixTimeMilliseconds(a.AtMs), a.ActorUserId, a.Action, a.Target, a.Detail, a.Source))]));
    }

    private static IResult Bad(string parameter, string message) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {parameter}", detail: $"'{parameter}' {message}.",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
