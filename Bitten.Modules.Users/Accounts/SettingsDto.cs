using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Accounts;

/// <summary>A user's own settings, as read and (partially) written by <c>/api/me/settings</c>. Null fields are left unchanged.</summary>
internal sealed record SettingsDto(
    [property: JsonPropertyName("risk_percent")] decimal? RiskPercent,
    [property: JsonPropertyName("auto_fire")] bool? AutoFire,
    [property: JsonPropertyName("min_win_probability")] decimal? MinWinProbability,
    [property: JsonPropertyName("drill_tone")] string? DrillTone,
    [property: JsonPropertyName("time_zone")] string? TimeZone,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("notifications")] Dictionary<string, string>? Notifications);
