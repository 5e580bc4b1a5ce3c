using Bitten.Contracts.Users;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Auth;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Privacy;

/// <summary>
/// GDPR: <c>GET /api/me/export</c> gathers the signed-in user's data from every module
/// (<see cref="UserDataExportRequested"/>); <c>DELETE /api/me</c> erases it everywhere (<see cref="UserErasureRequested"/>).
/// The user always comes from the token.
/// </summary>
internal static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me/export", ExportAsync).RequireAuthorization(AuthRegistration.UserPolicy)
            .WithSummary("All of your data across modules (GDPR export), as one JSON document.");
        endpoints.MapDelete("/api/me", EraseAsync).RequireAuthorization(AuthRegistration.UserPolicy)
            .WithSummary("Erase your account and data in every module (GDPR); the audit trail is kept anonymised.");
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, UserDataService data, IMediator publisher, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        if (UserClaims.UserIdOf(http.User) is not { } id || await data.ExportAsync(id, ct) is not { } own)
        {
            return Results.Problem("The signed-in user no longer exists.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var now = time.GetUtcNow();
        var export = new UserDataExport();
        export.Add("users", own);
        await publisher.Publish(new UserDataExportRequested(id, export, now), ct);
        await audit.RecordAsync(id, AuditActions.DataExported, null, $"sections: {string.Join(", ", export.Sections.Keys.Order(StringComparer.Ordinal))}", ct);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"bitten-export-{id.Value}.json\"";
        return Results.Ok(new Dictionary<string, object>
        {
            ["user_id"] = id.Value,
            ["exported_at"] = now,
            ["modules"] = export.Sections.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value),
        });
    }

    private static async Task<IResult> EraseAsync(HttpContext http, UserDataService data, IMediator publisher, AuditLog audit, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (UserClaims.UserIdOf(http.User) is not { } id)
        {
            return Results.Problem("The token carries no user.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // Other modules first: if one fails, the user still exists and can simply retry (every handler is idempotent).
        await publisher.Publish(new UserErasureRequested(id, time.GetUtcNow()), ct);
        var existed = await data.EraseAsync(id, ct);
        await audit.RecordAsync(null, AuditActions.UserErased, UserDataService.ErasedTarget, "a user erased their data in every module", ct);
        Log.UserErased(logs.CreateLogger("Bitten.Modules.Users.Privacy"), id.Value, existed);
        return Results.NoContent();
    }
}
