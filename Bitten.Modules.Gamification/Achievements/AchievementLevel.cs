namespace Bitten.Modules.Gamification.Achievements;

/// <summary>Achievement levels. Stored in award keys by name; values never renumbered.</summary>
internal enum AchievementLevel
{
    Unknown = 0,
    Bronze = 1,
    Silver = 2,
    Gold = 3,
    Platinum = 4,
    Master = 5,
}
