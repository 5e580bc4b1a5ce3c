using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>A linked terminal as listed to its owner (never its token).</summary>
internal sealed record EaView(
    [property: JsonPropertyName("ea_id")] string EaId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("is_default")] bool IsDefault,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

/// <summary>Newly issued credentials: the only response that ever carries <c>ea_token</c>.</summary>
internal sealed record IssuedEaView(
    [property: JsonPropertyName("ea_id")] string EaId,
    [property: JsonPropertyName("ea_token")] string EaToken,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("is_default")] bool IsDefault);

/// <summary>Body of <c>POST /api/me/eas</c>.</summary>
internal sealed record LinkEaRequest([property: JsonPropertyName("label")] string? Label);
