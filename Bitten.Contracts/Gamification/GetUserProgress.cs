using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>XP, rank and streak for the bot's /me and the HUD.</summary>
public sealed record GetUserProgress(UserId UserId) : IRequest<UserProgress>;

/// <summary>A user's standing in the game.</summary>
public sealed record UserProgress(UserId UserId, long Xp, string Rank, long NextRankXp, int StreakDays, string? Tactic, int SeasonLevel);
