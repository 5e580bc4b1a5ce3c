using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Body of <c>POST /api/me/eas</c>.</summary>
internal sealed record LinkEaRequest([property: JsonPropertyName("label")] string? Label);
