using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>
/// Missions of one signal were stored: one fan-out (every new mission of a published signal), or a batch the
/// announcement recovery re-announces after a crash. Published once per batch, so consumers do their work for
/// the whole batch at once (Users writes the alerts in one transaction; Execution's auto-fire looks up the risk
/// profiles in one request). Handlers must be idempotent per mission id: a batch can be announced again.
/// </summary>
public sealed record MissionsCreated(SignalId SignalId, IReadOnlyList<MissionCreated> Missions, DateTimeOffset RecordedAt) : INotification;
