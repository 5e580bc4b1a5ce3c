using System.Text.Json.Serialization;

namespace Bitten.Modules.Gamification.Api;

/// <summary><c>POST /api/me/tactic</c> body.</summary>
internal sealed record ChooseTacticRequest([property: JsonPropertyName("tactic")] string? Tactic);

/// <summary><c>POST /api/me/leaderboard</c> body.</summary>
internal sealed record LeaderboardChoiceRequest(
    [property: JsonPropertyName("opt_in")] bool OptIn,
    [property: JsonPropertyName("display_name")] string? DisplayName);

/// <summary><c>POST/PUT /api/notebook</c> body.</summary>
internal sealed record JournalRequest(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("mood")] string? Mood,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags,
    [property: JsonPropertyName("fire_id")] string? FireId);
