using System.Globalization;
using System.Security.Claims;
using Bitten.Contracts.Common;

namespace Bitten.Modules.Gamification.Api;

/// <summary>The BITTEN user id from the auth token (claim NameIdentifier); never from the request body or route.</summary>
internal static class CurrentUser
{
    public static UserId? From(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new UserId(id)
            : null;
}
