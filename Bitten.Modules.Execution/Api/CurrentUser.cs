using System.Globalization;
using System.Security.Claims;

namespace Bitten.Modules.Execution.Api;

/// <summary>The BITTEN user id from the bearer token (claim NameIdentifier), never from the request.</summary>
internal static class CurrentUser
{
    public static long? Id(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static string Describe(ClaimsPrincipal principal) =>
        Id(principal) is { } id ? $"user {id}" : principal.Identity?.Name ?? "unknown";
}
