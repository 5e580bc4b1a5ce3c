using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Ea;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bitten.Modules.Users.Accounts;

/// <summary>The signed-in user's own settings and terminals. The user always comes from the token.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me").RequireAuthorization(AuthRegistration.UserPolicy);
        me.MapGet("/settings", async (HttpContext http, UserSettingsService settings, CancellationToken ct) =>
            await settings.GetAsync(UserClaims.UserIdOf(http.User)!.Value, ct) is { } dto ? Results.Ok(dto) : Results.Unauthorized());
        me.MapPatch("/settings", async (SettingsDto change, HttpContext http, UserSettingsService settings, CancellationToken ct) =>
        {
            var (dto, errors) = await settings.UpdateAsync(UserClaims.UserIdOf(http.User)!.Value, change, ct);
            return errors.Count > 0 ? Results.ValidationProblem(errors) : dto is null ? Results.Unauthorized() : Results.Ok(dto);
        });
        me.MapGet("/eas", async (HttpContext http, EaLinkService eas, CancellationToken ct) =>
            Results.Ok((await eas.ListAsync(UserClaims.UserIdOf(http.User)!.Value, ct))
                .Select(e => new EaView(e.EaId, e.Label, e.IsDefault, DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtMs)))));
        me.MapPost("/eas", async (LinkEaRequest? body, HttpContext http, EaLinkService eas, CancellationToken ct) =>
        {
            var result = await eas.LinkAsync(UserClaims.UserIdOf(http.User)!.Value, body?.Label, ct);
            return result.Credentials is { } c
                ? Results.Ok(new IssuedEaView(c.EaId.Value, c.Token, c.Label, c.IsDefault))
                : Results.Problem(result.Error, statusCode: StatusCodes.Status400BadRequest);
        });
        me.MapPost("/eas/{eaId}/rotate", async (string eaId, HttpContext http, EaLinkService eas, CancellationToken ct) =>
            await eas.RotateAsync(UserClaims.UserIdOf(http.User)!.Value, eaId, ct) is { } c
                ? Results.Ok(new IssuedEaView(c.EaId.Value, c.Token, c.Label, c.IsDefault))
                : Results.Problem($"You have no terminal with ea_id '{eaId}'.", statusCode: StatusCodes.Status404NotFound));
        me.MapPost("/eas/{eaId}/default", async (string eaId, HttpContext http, EaLinkService eas, CancellationToken ct) =>
            await eas.SetDefaultAsync(UserClaims.UserIdOf(http.User)!.Value, eaId, ct)
                ? Results.NoContent()
                : Results.Problem($"You have no terminal with ea_id '{eaId}'.", statusCode: StatusCodes.Status404NotFound));
        me.MapDelete("/eas/{eaId}", async (string eaId, HttpContext http, EaLinkService eas, CancellationToken ct) =>
            await eas.UnlinkAsync(UserClaims.UserIdOf(http.User)!.Value, eaId, ct)
                ? Results.NoContent()
                : Results.Problem($"You have no terminal with ea_id '{eaId}'.", statusCode: StatusCodes.Status404NotFound));
        return endpoints;
    }
}
