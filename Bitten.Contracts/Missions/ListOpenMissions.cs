using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>The user's missions that are still PENDING and not expired, newest first (at most <paramref name="Limit"/>), for the bot's /missions.</summary>
public sealed record ListOpenMissions(UserId UserId, int Limit = 10) : IRequest<IReadOnlyList<MissionView>>;
