using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Auth;

/// <summary>Body of <c>POST /api/auth/login-link</c>: the code from the bot's <c>/login</c>.</summary>
internal sealed record LoginLinkRequest([property: JsonPropertyName("code")] string? Code);
