using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Accounts;

/// <summary>
/// <c>GET /api/admin/users</c> (admin only): the users with their tier, role and state, and the tiers an
/// operator may set, for /throne. Read-only; changes go through <c>PUT /api/admin/users/{id}/tier</c>.
/// </summary>
internal static class AdminUserListEndpoint
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAdminUserList(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/users", ListAsync)
            .RequireAuthorization(AuthRegistration.AdminPolicy)
            .WithSummary("Users (newest first, page, page_size ≤ 500, q filters by name) with tier, admin flag and state; and the configured tiers.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(UsersDbContext db, IOptions<TiersOptions> tiers, string? q, int? page, int? page_size, CancellationToken ct)
    {
        var size = page_size ?? 100;
        var number = page ?? 1;
        if (size is < 1 or > MaxPageSize || number < 1)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [size is < 1 or > MaxPageSize ? "page_size" : "page"] = [size is < 1 or > MaxPageSize ? $"must be 1-{MaxPageSize}" : "must be 1 or more"],
            });
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(u => u.DisplayName.Contains(text) || (u.Username != null && u.Username.Contains(text)));
        }

        var total = await query.CountAsync(ct);
        var users = await query.OrderByDescending(u => u.Id).Skip((number - 1) * size).Take(size)
            .Select(u => new { u.Id, u.TelegramId, u.DisplayName, u.Username, u.Tier, u.Roles, u.IsActive, u.CreatedAtMs, u.LastSeenAtMs, Eas = u.LinkedEas.Count })
            .ToListAsync(ct);
        return Results.Ok(new
        {
            total,
            page = number,
            page_size = size,
            tiers = tiers.Value.Definitions.Keys.Order(StringComparer.Ordinal),
            items = users.Select(u => new
            {
                user_id = u.Id,
                telegram_id = u.TelegramId,
                display_name = u.DisplayName,
                username = u.Username,
                tier = u.Tier,
                is_admin = u.Roles.HasFlag(UserRoles.Admin),
                active = u.IsActive,
                linked_eas = u.Eas,
                created_at = DateTimeOffset.FromUnixTimeMilliseconds(u.CreatedAtMs),
                last_seen_at = u.LastSeenAtMs is { } seen ? DateTimeOffset.FromUnixTimeMilliseconds(seen) : (DateTimeOffset?)null,
            }),
        });
    }
}
