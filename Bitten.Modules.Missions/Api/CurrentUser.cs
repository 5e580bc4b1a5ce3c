using System.Globalization;
using System.Security.Claims;

namespace Bitten.Modules.Missions.Api;

/// <summary>The BITTEN user id from the auth token (claim <see cref="ClaimTypes.NameIdentifier"/>); never from the request.</summary>
internal static class CurrentUser
{
    public static long? Id(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
