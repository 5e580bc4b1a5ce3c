using System.Globalization;
using System.Security.Claims;
using Bitten.Contracts.Common;
using Bitten.Modules.Users.Accounts;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Bitten.Modules.Users.Auth;

/// <summary>The claims a BITTEN session carries. Endpoints take the user from <see cref="UserIdClaim"/> only.</summary>
internal static class UserClaims
{
    public const string UserIdClaim = "bitten_uid";
    public const string TierClaim = "bitten_tier";
    public const string UserRole = "user";
    public const string AdminRole = "admin";

    public static ClaimsPrincipal Principal(UserRecord user)
    {
        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        var claims = new List<Claim>
        {
            new(UserIdClaim, id),
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, user.DisplayName),
            new(TierClaim, user.Tier),
        };
        if (user.Roles.HasFlag(UserRoles.User))
        {
            claims.Add(new Claim(ClaimTypes.Role, UserRole));
        }

        if (user.Roles.HasFlag(UserRoles.Admin))
        {
            claims.Add(new Claim(ClaimTypes.Role, AdminRole));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, BearerTokenDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static UserId? UserIdOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(UserIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new UserId(id) : null;
}
