using System.Text.Json;
using Bitten.Modules.Signals.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Signals.Api;

/// <summary><c>GET /api/admin/thresholds</c> (admin only): the adaptive TCS threshold's changes with their reasons, newest first.</summary>
internal static class ThresholdHistoryEndpoint
{
    public static IEndpointRouteBuilder MapThresholdHistory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/admin/thresholds", ListAsync)
            .RequireAuthorization("admin")
            .WithTags("Signals admin")
            .WithSummary("Adaptive threshold changes, newest first (limit ≤ 1000): previous, new value, the last 24 h it was based on, reasons.");
        return endpoints;
    }

    private static async Task<IResult> ListAsync(SignalsDbContext db, int? limit, CancellationToken ct)
    {
        var take = limit ?? 200;
        if (take is < 1 or > 1000)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: "'limit' must be 1-1000.",
                extensions: new Dictionary<string, object?> { ["parameter"] = "limit" });
        }

        var rows = await db.ThresholdChanges.AsNoTracking().OrderByDescending(t => t.AtMs).ThenByDescending(t => t.Id).Take(take).ToListAsync(ct);
        return Results.Ok(new
        {
            items = rows.Select(t => new
            {
                at = DateTimeOffset.FromUnixTimeMilliseconds(t.AtMs),
                previous = t.Previous,
                threshold = t.Next,
                signals_last_24h = t.SignalsLast24h,
                win_rate_last_24h = t.WinRateLast24h,
                reasons = JsonDocument.Parse(t.ReasonsJson).RootElement,
            }),
        });
    }
}
