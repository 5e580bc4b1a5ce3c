namespace Bitten.Modules.Gamification.Streaks;

/// <summary>The result of one check-in.</summary>
internal sealed record StreakStep(StreakOutcome Outcome, StreakState State);
