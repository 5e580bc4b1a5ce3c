namespace Bitten.Modules.Gamification.Streaks;

/// <summary>A streak as stored: length, last counted local date and instant, month whose protection was used.</summary>
internal sealed record StreakState(int Days, DateOnly? LastDate, DateTimeOffset LastAt, string? ProtectionUsedMonth);

/// <summary>The result of one check-in.</summary>
internal sealed record StreakStep(StreakOutcome Outcome, StreakState State);

/// <summary>What a check-in did to the streak.</summary>
internal enum StreakOutcome
{
    Unknown = 0,
    Started = 1,
    Continued = 2,
    Protected = 3,
    Reset = 4,
    AlreadyCounted = 5,
}
