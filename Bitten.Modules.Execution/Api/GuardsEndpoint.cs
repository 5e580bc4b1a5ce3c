using System.Security.Claims;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Persistence;
using Bitten.Modules.Execution.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Execution.Api;

/// <summary>
/// <c>GET /api/me/guards</c>: today's risk guards for the signed-in user, as the fire check computes them
/// (DOMAIN §9): the daily loss budget used on the default terminal, the tilt state, the weekend and the halt.
/// </summary>
internal static class GuardsEndpoint
{
    public static IEndpointRouteBuilder MapGuards(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me/guards", GetAsync).RequireAuthorization().WithTags("Execution")
            .WithSummary("Today's guards: loss budget used (percent of start-of-day equity) against the cap, losses in a row and the tilt block, weekend, halt.");
        return endpoints;
    }

    private static async Task<IResult> GetAsync(
        ClaimsPrincipal user, ExecutionDbContext db, EaRegistry registry, HaltSwitch halt, IOptions<ExecutionOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (CurrentUser.Id(user) is not { } id)
        {
            return Results.Unauthorized();
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var closed = await db.Fires.AsNoTracking()
            .Where(f => f.UserId == id && f.Status == FireStatus.Closed && f.ClosedAtMs != null)
            .OrderByDescending(f => f.ClosedAtMs)
            .Select(f => new { f.ClosedAtMs, f.Profit, f.Result })
            .Take(200)
            .ToListAsync(ct);
        var realisedToday = closed.Where(c => c.ClosedAtMs >= dayStart).Sum(c => c.Profit ?? 0);
        var recent = closed.Select(c => ((TradeResult)(c.Result ?? 0), c.ClosedAtMs!.Value)).ToList();
        var lossesInARow = recent.TakeWhile(r => r.Item1 == TradeResult.Loss).Count();

        var ea = registry.Snapshot().Where(s => s.UserId == id).OrderByDescending(s => s.IsDefault).FirstOrDefault();
        var startOfDay = ea?.StartOfDayEquity ?? 0;
        decimal? lossUsedPercent = startOfDay > 0
            ? Math.Round(Math.Max(0, Math.Max(-realisedToday, ea!.Equity > 0 ? startOfDay - ea.Equity : 0)) / startOfDay * 100m, 2)
            : null;
        return Results.Ok(new
        {
            ea_id = ea?.EaId,
            realised_today = realisedToday,
            loss_used_percent = lossUsedPercent,
            loss_cap_percent = o.DailyLossCapPercent,
            loss_cap_until = ea is null ? null : RiskGuards.DailyCapUntil(now, startOfDay, ea.Equity, realisedToday, o.DailyLossCapPercent),
            consecutive_losses = lossesInARow,
            tilt_losses = o.TiltLosses,
            tilt_blocked_until = RiskGuards.TiltUntil(now, recent, o.TiltLosses, o.TiltBlock),
            weekend_until = RiskGuards.WeekendUntil(now),
            halted = await halt.IsHaltedAsync(ct),
        });
    }
}
