using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// A fire did not become a position: rejected by the broker/EA (<see cref="MissionStatus.Rejected"/>),
/// failed before reaching it (<see cref="MissionStatus.Failed"/>), or unconfirmed in time
/// (<see cref="MissionStatus.Unconfirmed"/>, reconciled later from heartbeats).
/// </summary>
public sealed record FireFailed(
    FireId FireId,
    MissionId MissionId,
    UserId UserId,
    MissionStatus Outcome,
    string Reason,
    int? Retcode,
    DateTimeOffset FailedAt,
    DateTimeOffset RecordedAt) : INotification;
