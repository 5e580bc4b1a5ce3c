using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Audit;

/// <summary>One audit entry as <c>GET /api/admin/audit</c> answers it.</summary>
internal sealed record AuditEntryView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("user_id")] long? UserId,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("source")] string? Source);
