using System.Globalization;
using System.Security.Claims;
using Bitten.Modules.Gamification.Notebook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bitten.Modules.Gamification.Api;

/// <summary><c>/api/notebook</c>: the signed-in user's journal; another user's entry answers 404.</summary>
internal static class NotebookEndpoints
{
    public static IEndpointRouteBuilder MapNotebookApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notebook").RequireAuthorization().WithTags("Notebook");
        api.MapGet("/", ListAsync).WithSummary("Your entries, newest first; tag filters by one tag; limit ≤ 200.");
        api.MapGet("/{id:long}", GetAsync);
        api.MapPost("/", CreateAsync).WithSummary("New entry {text ≤ 4000, mood, tags, fire_id}; XP for the first 3 entries of your day.");
        api.MapPut("/{id:long}", UpdateAsync);
        api.MapDelete("/{id:long}", DeleteAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal principal, string? tag, int? limit, JournalService journal, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return GamificationEndpoints.NoUser();
        }

        var size = limit ?? 50;
        if (size is < 1 or > 200)
        {
            return GamificationEndpoints.Bad(metrics, "limit", "must be 1-200");
        }

        return Results.Ok((await journal.ListAsync(user, tag, size, ct)).Select(View));
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal principal, long id, JournalService journal, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return GamificationEndpoints.NoUser();
        }

        return await journal.FindAsync(user, id, ct) is { } entry ? Results.Ok(View(entry)) : NotFound(id);
    }

    private static async Task<IResult> CreateAsync(ClaimsPrincipal principal, JournalRequest? body, JournalService journal, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return GamificationEndpoints.NoUser();
        }

        if ((Invalid(body, metrics) ?? await ForeignFireAsync(user, body!, journal, metrics, ct)) is { } bad)
        {
            return bad;
        }

        var entry = await journal.CreateAsync(user, body!.Text!, body.Mood, body.Tags, body.FireId, ct);
        return Results.Created($"/api/notebook/{entry.Id.ToString(CultureInfo.InvariantCulture)}", View(entry));
    }

    private static async Task<IResult> UpdateAsync(ClaimsPrincipal principal, long id, JournalRequest? body, JournalService journal, GamificationMetrics metrics, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return GamificationEndpoints.NoUser();
        }

        if ((Invalid(body, metrics) ?? await ForeignFireAsync(user, body!, journal, metrics, ct)) is { } bad)
        {
            return bad;
        }

        return await journal.UpdateAsync(user, id, body!.Text!, body.Mood, body.Tags, body.FireId, ct) is { } entry ? Results.Ok(View(entry)) : NotFound(id);
    }

    private static async Task<IResult> DeleteAsync(ClaimsPrincipal principal, long id, JournalService journal, CancellationToken ct)
    {
        if (CurrentUser.From(principal) is not { } user)
        {
            return GamificationEndpoints.NoUser();
        }

        return await journal.DeleteAsync(user, id, ct) ? Results.NoContent() : NotFound(id);
    }

    private static IResult? Invalid(JournalRequest? body, GamificationMetrics metrics)
    {
        var problem = JournalService.Validate(body?.Text, body?.Mood, body?.Tags, out var field);
        if (problem is null && body?.FireId is { Length: > 32 })
        {
            (problem, field) = ("must be a fire id (at most 32 characters)", "fire_id");
        }

        return problem is null ? null : GamificationEndpoints.Bad(metrics, field, problem);
    }

    private static async Task<IResult?> ForeignFireAsync(Bitten.Contracts.Common.UserId user, JournalRequest body, JournalService journal, GamificationMetrics metrics, CancellationToken ct) =>
        body.FireId is { } fire && !await journal.OwnsFireAsync(user, fire, ct)
            ? GamificationEndpoints.Bad(metrics, "fire_id", $"'{fire}' is not one of your filled fires")
            : null;

    private static IResult NotFound(long id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such entry", detail: $"You have no notebook entry {id.ToString(CultureInfo.InvariantCulture)}.");

    private static object View(JournalEntry e) => new
    {
        id = e.Id,
        text = e.Text,
        mood = e.Mood,
        tags = JournalService.UnpackTags(e.Tags),
        fire_id = e.FireId,
        created_at = DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtMs),
        updated_at = DateTimeOffset.FromUnixTimeMilliseconds(e.UpdatedAtMs),
    };
}
