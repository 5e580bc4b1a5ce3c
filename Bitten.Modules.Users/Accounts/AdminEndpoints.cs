using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Operator actions on users (/throne), behind the <c>admin</c> policy; each one is logged with the acting admin.</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/admin/users").RequireAuthorization(AuthRegistration.AdminPolicy);
        admin.MapPut("/{userId:long}/tier", SetTierAsync);
        admin.MapPut("/{userId:long}/active", SetActiveAsync);
        return endpoints;
    }

    private static async Task<IResult> SetTierAsync(long userId, SetTierRequest? body, HttpContext http, UsersDbContext db, TierCatalog tiers, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        var tier = body?.Tier?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!tiers.Exists(tier))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["tier"] = [$"'{body?.Tier}' is not a tier in Tiers:Definitions"] });
        }

        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, tier), ct);
        if (changed == 0)
        {
            return Results.Problem($"No user {userId}.", statusCode: StatusCodes.Status404NotFound);
        }

        Log.AdminSetTier(logs.CreateLogger("Bitten.Modules.Users.Admin"), UserClaims.UserIdOf(http.User)!.Value.Value, userId, tier);
        await audit.RecordAsync(UserClaims.UserIdOf(http.User), AuditActions.AdminSetTier, $"user:{userId}", $"tier {tier}", ct);
        return Results.NoContent();
    }

    private static async Task<IResult> SetActiveAsync(long userId, SetActiveRequest? body, HttpContext http, UsersDbContext db, EaCredentialCache eaCache, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        if (body?.Active is not { } active)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["active"] = ["required: true or false"] });
        }

        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, active), ct);
        if (changed == 0)
        {
            return Results.Problem($"No user {userId}.", statusCode: StatusCodes.Status404NotFound);
        }

        eaCache.ForgetOwner(new Contracts.Common.UserId(userId));
        Log.AdminSetActive(logs.CreateLogger("Bitten.Modules.Users.Admin"), UserClaims.UserIdOf(http.User)!.Value.Value, userId, active);
        await audit.RecordAsync(UserClaims.UserIdOf(http.User), AuditActions.AdminSetActive, $"user:{userId}", $"active {active}", ct);
        return Results.NoContent();
    }
}
