namespace Bitten.Modules.Gamification.Progress;

/// <summary>Everything <c>GET /api/me/progress</c> shows.</summary>
internal sealed record ProgressView(
    long UserId,
    long Xp,
    long EarnedXp,
    string Rank,
    long RankXp,
    string? NextRank,
    long NextRankXp,
    double RankProgress,
    string Tactic,
    int ShotsRemaining,
    IReadOnlyList<string> TacticsUnlocked,
    int StreakDays,
    string? LastCheckInDate,
    bool StreakProtectionAvailable,
    IReadOnlyDictionary<string, string> Achievements,
    int Season,
    long SeasonXp,
    int SeasonLevel,
    IReadOnlyList<int> FreeRewardLevels,
    IReadOnlyList<int> PaidRewardLevels,
    int Recruits,
    string SquadRank);
