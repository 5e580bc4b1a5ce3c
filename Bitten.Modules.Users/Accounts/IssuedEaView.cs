using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Newly issued credentials: the only response that ever carries <c>ea_token</c>.</summary>
internal sealed record IssuedEaView(
    [property: JsonPropertyName("ea_id")] string EaId,
    [property: JsonPropertyName("ea_token")] string EaToken,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("is_default")] bool IsDefault);
