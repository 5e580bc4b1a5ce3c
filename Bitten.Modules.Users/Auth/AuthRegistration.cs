using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Auth;

/// <summary>
/// Authentication (ASP.NET Core bearer tokens), the authorization policies and the auth rate limit,
/// registered by the Users module. The host adds <c>UseAuthentication</c>, <c>UseAuthorization</c>
/// and <c>UseRateLimiter</c> to its pipeline.
/// </summary>
internal static class AuthRegistration
{
    /// <summary>Any signed-in BITTEN user.</summary>
    public const string UserPolicy = "user";

    /// <summary>Signed-in user with the admin role (/throne).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Per-IP fixed window on the sign-in endpoints.</summary>
    public const string RateLimitPolicy = "auth";

    public static IServiceCollection AddBittenAuth(this IServiceCollection services)
    {
        services.AddAuthentication(BearerTokenDefaults.AuthenticationScheme).AddBearerToken();
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((bearer, auth, time) =>
            {
                bearer.BearerTokenExpiration = auth.Value.AccessTokenLifetime;
                bearer.RefreshTokenExpiration = TimeSpan.FromDays(14);
                bearer.TimeProvider = time;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(UserPolicy, p => p.RequireAuthenticatedUser().RequireClaim(UserClaims.UserIdClaim))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireClaim(UserClaims.UserIdClaim).RequireRole(UserClaims.AdminRole));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(FireLimiter(perUser: true), FireLimiter(perUser: false));
            o.AddPolicy(RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.RateLimitPerMinute;
                var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    /// <summary>
    /// Trading actions (POST .../fire, POST .../close) are limited per signed-in user and per client IP; every
    /// other request passes this limiter untouched. Matched by path so the modules that own those routes need no
    /// reference to this one.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext> FireLimiter(bool perUser) => PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        if (!IsTradingAction(context.Request))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value;
        var key = perUser
            ? "user:" + (UserClaims.UserIdOf(context.User)?.ToString() ?? "anonymous:" + context.Connection.RemoteIpAddress)
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var permits = perUser ? options.FireRateLimitPerUserPerMinute : options.FireRateLimitPerIpPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    });

    internal static bool IsTradingAction(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Value is { } raw
        && raw.AsSpan().TrimEnd('/') is var path // routing matches ".../fire/" too: a trailing slash must not escape the limit
        && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && (path.EndsWith("/fire", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/close", StringComparison.OrdinalIgnoreCase));
}
