using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>A linked terminal as listed to its owner (never its token).</summary>
internal sealed record EaView(
    [property: JsonPropertyName("ea_id")] string EaId,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("is_default")] bool IsDefault,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);
