namespace Bitten.Modules.Gamification.Streaks;

/// <summary>A streak as stored: length, last counted local date and instant, month whose protection was used.</summary>
internal sealed record StreakState(int Days, DateOnly? LastDate, DateTimeOffset LastAt, string? ProtectionUsedMonth);
