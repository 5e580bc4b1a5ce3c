using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>Asks Missions for one mission as the owner sees it (null when it does not exist or is not the user's).</summary>
public sealed record GetMission(MissionId MissionId, UserId UserId) : IRequest<MissionView?>;
