using Bitten.Contracts.Common;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Telegram;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Auth;

/// <summary>Sign-in endpoints: Mini App initData, one-time login link, refresh; and <c>GET /api/me</c>.</summary>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").RequireRateLimiting(AuthRegistration.RateLimitPolicy).AllowAnonymous();
        auth.MapPost("/telegram", SignInWithTelegramAsync);
        auth.MapPost("/login-link", SignInWithLoginLinkAsync);
        auth.MapPost("/refresh", RefreshAsync);
        endpoints.MapGet("/api/me", MeAsync).RequireAuthorization(AuthRegistration.UserPolicy);
        return endpoints;
    }

    private static async Task<IResult> SignInWithTelegramAsync(
        TelegramSignInRequest? body, InitDataValidator validator, UserDirectory users,
        IOptions<TelegramOptions> telegram, IOptions<AuthOptions> options, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger("Bitten.Modules.Users.Auth");
        if (!telegram.Value.HasBotToken)
        {
            return Results.Problem("Telegram sign-in is not configured on this server (Telegram:BotToken is empty).",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var check = validator.Validate(body?.InitData, telegram.Value.BotToken!, options.Value.InitDataMaxAge, options.Value.InitDataClockSkew);
        if (!check.Valid || check.User is null)
        {
            var reason = check.Error ?? "init_data carries no user";
            Log.SignInRefused(logger, reason);
            await audit.RecordAsync(null, AuditActions.SignInRefused, null, $"telegram: {reason}", ct);
            return Results.Problem($"{reason}. Send the Mini App's Telegram.WebApp.initData unchanged as init_data.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Telegram sign-in refused");
        }

        var user = await users.UpsertAsync(check.User, check.StartParam, ct);
        Log.SignedIn(logger, user.Id, user.TelegramId, "telegram");
        await audit.RecordAsync(new UserId(user.Id), AuditActions.SignIn, null, "telegram", ct);
        return Results.SignIn(UserClaims.Principal(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> SignInWithLoginLinkAsync(
        LoginLinkRequest? body, LoginLinkService links, UserDirectory users, AuditLog audit, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger("Bitten.Modules.Users.Auth");
        var userId = await links.RedeemAsync(body?.Code, ct);
        var user = userId is { } id ? await users.FindAsync(id, ct) : null;
        if (user is null || !user.IsActive)
        {
            Log.SignInRefused(logger, "unknown, expired or used login code");
            await audit.RecordAsync(null, AuditActions.SignInRefused, null, "login-link: unknown, expired or used code", ct);
            return Results.Problem("This login link is unknown, expired or already used. Send /login to the bot for a new one.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Login link refused");
        }

        Log.SignedIn(logger, user.Id, user.TelegramId, "login-link");
        await audit.RecordAsync(new UserId(user.Id), AuditActions.SignIn, null, "login-link", ct);
        return Results.SignIn(UserClaims.Principal(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> RefreshAsync(
        RefreshRequest? body, IOptionsMonitor<BearerTokenOptions> bearer, UserDirectory users, TimeProvider time, CancellationToken ct)
    {
        var options = bearer.Get(BearerTokenDefaults.AuthenticationScheme);
        var ticket = string.IsNullOrEmpty(body?.RefreshToken) ? null : options.RefreshTokenProtector.Unprotect(body.RefreshToken);
        var userId = ticket is null ? null : UserClaims.UserIdOf(ticket.Principal);
        var user = userId is { } id && ticket?.Properties.ExpiresUtc is { } expires && time.GetUtcNow() < expires
            ? await users.FindAsync(id, ct)
            : null;
        if (user is null || !user.IsActive)
        {
            return Results.Problem("The refresh token is invalid or expired; sign in again.", statusCode: StatusCodes.Status401Unauthorized);
        }

        // Claims are rebuilt from the database so a changed tier or role takes effect on refresh.
        return Results.SignIn(UserClaims.Principal(user), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> MeAsync(HttpContext http, UserDirectory users, CancellationToken ct)
    {
        var user = UserClaims.UserIdOf(http.User) is { } id ? await users.FindAsync(id, ct) : null;
        if (user is null)
        {
            return Results.Problem("The signed-in user no longer exists.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return Results.Ok(new MeResponse(new UserId(user.Id).Value, user.TelegramId, user.DisplayName, user.Tier,
            user.Roles.HasFlag(UserRoles.Admin), user.ReferralCode, user.LanguageCode, user.TimeZone));
    }
}
