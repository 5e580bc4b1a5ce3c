using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// Missions asks which of these missions have a fire, and where each fire is now. Used to reconcile missions a crash
/// left behind (FIRING with no fire committed, or a fire whose announcement was lost). Missions without a fire are
/// absent from the answer.
/// </summary>
public sealed record GetMissionFires(IReadOnlyList<MissionId> MissionIds) : IRequest<IReadOnlyList<MissionFire>>;

/// <summary>
/// One mission's fire as Execution stores it: <paramref name="MissionStatus"/> is the mission state that fire
/// implies (FIRING while it is still queued for its terminal; SENT, FILLED, CLOSED, REJECTED, FAILED or UNCONFIRMED after).
/// Fill and close details are set once the fire got that far.
/// </summary>
public sealed record MissionFire(
    MissionId MissionId,
    FireId FireId,
    MissionStatus MissionStatus,
    string? Reason,
    decimal? FillPrice,
    decimal? FilledVolume,
    decimal? Profit,
    double? ResultR,
    TradeResult? Result,
    DateTimeOffset? ClosedAt);
