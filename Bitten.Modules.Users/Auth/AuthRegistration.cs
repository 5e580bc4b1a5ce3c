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
}
