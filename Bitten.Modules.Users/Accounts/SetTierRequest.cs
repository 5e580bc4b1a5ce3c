using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Body of <c>PUT /api/admin/users/{id}/tier</c>.</summary>
internal sealed record SetTierRequest([property: JsonPropertyName("tier")] string? Tier);
