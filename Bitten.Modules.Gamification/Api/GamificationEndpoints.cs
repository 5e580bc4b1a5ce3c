using System.Security.Claims;
using System.Text.RegularExpressions;
using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Leaderboard;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Players;
using Bitten.Modules.Gamification.Progress;
using Bitten.Modules.Gamification.Shop;
using Bitten.Modules.Gamification.Tactics;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bitten.Modules.Gamification.Api;

/// <summary>
/// <c>/api/me/progress</c>, <c>/api/me/tactic</c>, <c>/api/me/checkin</c>, <c>/api/me/leaderboard</c>, <c>/api/shop</c>,
/// <c>/api/leaderboard</c>. Signed-in users only; the user always comes from the token.
/// </summary>
internal static partial class GamificationEndpoints
{
    public static IEndpointRouteBuilder MapGamificationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization().WithTags("Gamification");
        api.MapGet("/me/progress", ProgressAsync).WithSummary("XP, rank and progress to the next, today's tactic and shots left, streak, achievements, season level.");
        api.MapPost("/me/tactic", ChooseTacticAsync).WithSummary("Choose today's tactic (once per local day; must be unlocked by XP).");
        api.MapPost("/me/checkin", CheckInAsync).WithSummary("Count today (your time zone) for the streak; answers the progress.");
        api.MapPost("/me/leaderboard", LeaderboardChoiceAsync).WithSummary("Opt in or out of leaderboards, with the display name shown there.");
        api.MapGet("/shop", ShopAsync).WithSummary("The XP shop catalogue, with what you own and your balance.");
        api.MapPost("/shop/{item}", BuyAsync).WithSummary("Buy an item with XP (atomic against the balance).");
        api.MapGet("/leaderboard", LeaderboardAsync).WithSummary("Top opted-in users by XP (by=xp) or net R (by=r); limit ≤ 100.");
        endpoints.MapNotebookApi();
        return endpoints;
    }

    [GeneratedRegex(@"^[\p{L}\p{N} _.\-]{2,32}$")]
    private static partial Regex DisplayNamePattern();

    private static async Task<IResult> ProgressAsync(ClaimsPrincipal principal, ProgressService progress, CancellationToken ct) =>
        CurrentUser.From(principal) is { } user ? Results.Json(await progress.GetAsync(user, ct), ApiJson.SnakeCase) : NoUser();

    private static async Task<IResult> ChooseTacticAsync(
        ClaimsPrincipal principal, ChooseTacticRequest? body, TacticService tactics, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        if (string.IsNullOrWhiteSpace(body?.Tactic))
        {
            return Bad(metrics, "tactic", $"is required: one of {string.Join(", ", TacticRules.All.Select(t => t.Name))}");
        }

        var (ok, problem) = await tactics.ChooseAsync(user, body.Tactic, ct);
        if (ok)
        {
            return Results.Ok(new { tactic = body.Tactic.Trim().ToUpperInvariant() });
        }

        return problem!.StartsWith("a tactic was already chosen", StringComparison.Ordinal)
            ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tactic already chosen today", detail: problem)
            : Bad(metrics, "tactic", problem);
    }

    private static async Task<IResult> CheckInAsync(ClaimsPrincipal principal, IMediator mediator, ProgressService progress, TimeProvider time, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        // Published, not called: the same fact the bot publishes, so every listener sees HUD check-ins too.
        await mediator.Publish(new UserCheckedIn(user, time.GetUtcNow()), ct);
        return Results.Json(await progress.GetAsync(user, ct), ApiJson.SnakeCase);
    }

    private static async Task<IResult> LeaderboardChoiceAsync(
        ClaimsPrincipal principal, LeaderboardChoiceRequest? body, PlayerDirectory players, GamificationDbContext db, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        if (body is null)
        {
            return Bad(metrics, "opt_in", "body {opt_in, display_name} is required");
        }

        var name = body.DisplayName?.Trim();
        if (body.OptIn && (name is null || !DisplayNamePattern().IsMatch(name)))
        {
            return Bad(metrics, "display_name", "is required to opt in: 2-32 letters, digits, spaces, '_', '.', '-'");
        }

        var row = await players.EnsureAsync(user, ct);
        row.LeaderboardOptIn = body.OptIn;
        row.DisplayName = body.OptIn ? name : row.DisplayName;
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { opt_in = row.LeaderboardOptIn, display_name = row.LeaderboardOptIn ? row.DisplayName : null });
    }

    private static async Task<IResult> ShopAsync(ClaimsPrincipal principal, ShopService shop, Xp.XpLedger ledger, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        var owned = await shop.OwnedAsync(user, ct);
        return Results.Ok(new
        {
            balance = await ledger.BalanceAsync(user, ct),
            items = shop.Catalogue.Select(i => new { code = i.Code, name = i.Name, kind = i.Kind.ToString(), price = i.Price, owned = owned.Contains(i.Code) }),
        });
    }

    private static async Task<IResult> BuyAsync(ClaimsPrincipal principal, string item, ShopService shop, Xp.XpLedger ledger, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return NoUser();
        }

        var outcome = await shop.BuyAsync(user, item, ct);
        metrics.Purchases.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        return outcome switch
        {
            PurchaseOutcome.Bought => Results.Ok(new { item = item.ToLowerInvariant(), balance = await ledger.BalanceAsync(user, ct) }),
            PurchaseOutcome.UnknownItem => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such item", detail: $"'{item}' is not in the shop."),
            PurchaseOutcome.AlreadyOwned => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already owned", detail: $"You already own '{item}'."),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not enough XP", detail: $"Your balance does not cover '{item}'."),
        };
    }

    private static async Task<IResult> LeaderboardAsync(string? by, int? limit, LeaderboardService board, GamificationMetrics metrics, CancellationToken ct)
    {
        var kind = (by ?? "xp").ToLowerInvariant();
        if (kind is not ("xp" or "r"))
        {
            return Bad(metrics, "by", "must be xp or r");
        }

        var size = limit ?? 50;
        if (size is < 1 or > 100)
        {
            return Bad(metrics, "limit", "must be 1-100");
        }

        var rows = await board.TopAsync(kind == "r", size, ct);
        return Results.Ok(rows.Select(r => new { position = r.Position, display_name = r.DisplayName, score = r.Score }));
    }

    internal static IResult NoUser() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No user", detail: "The token carries no BITTEN user id.");

    internal static IResult Bad(GamificationMetrics metrics, string field, string rule)
    {
        metrics.BadRequests.Add(1, new KeyValuePair<string, object?>("field", field));
        return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: $"'{field}' {rule}.",
            extensions: new Dictionary<string, object?> { ["field"] = field });
    }
}
