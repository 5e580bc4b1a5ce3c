using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Auth;

/// <summary>Body of <c>POST /api/auth/refresh</c>.</summary>
internal sealed record RefreshRequest([property: JsonPropertyName("refresh_token")] string? RefreshToken);
