using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>
/// Fire a mission on behalf of its owner (from HTTP, the Telegram bot or auto-fire). Missions checks the
/// owner and state, moves the mission PENDING → FIRING by compare-and-set, and asks Execution to
/// <see cref="FireMission"/>; a refusal moves it back to PENDING and is returned with its reason.
/// </summary>
public sealed record FireMissionCommand(MissionId MissionId, UserId UserId, FireSource Source) : IRequest<FireDecision>;
