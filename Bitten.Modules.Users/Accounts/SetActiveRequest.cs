using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Body of <c>PUT /api/admin/users/{id}/active</c>.</summary>
internal sealed record SetActiveRequest([property: JsonPropertyName("active")] bool? Active);
