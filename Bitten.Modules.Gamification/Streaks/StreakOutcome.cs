namespace Bitten.Modules.Gamification.Streaks;

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
