using System.Text.Json.Serialization;

namespace Bitten.Modules.Users.Auth;

/// <summary>Body of <c>GET /api/me</c>.</summary>
internal sealed record MeResponse(
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("telegram_id")] long TelegramId,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("tier")] string Tier,
    [property: JsonPropertyName("is_admin")] bool IsAdmin,
    [property: JsonPropertyName("referral_code")] string ReferralCode,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("time_zone")] string TimeZone);
