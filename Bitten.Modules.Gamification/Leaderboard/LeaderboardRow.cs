namespace Bitten.Modules.Gamification.Leaderboard;

/// <summary>One leaderboard line: position, chosen display name, score (XP or R).</summary>
internal sealed record LeaderboardRow(int Position, string DisplayName, double Score);
