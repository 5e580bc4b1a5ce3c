using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// Missions asks Execution to fire (after its own owner/state checks). Execution checks expiry, price
/// drift (≤ 0.3 R), a free slot for the tier, a fresh EA with the symbol, the risk guards and the tactic
/// of the day; creates the fire (unique per mission) and queues it for the user's own EA.
/// </summary>
public sealed record FireMission(
    MissionId MissionId,
    UserId UserId,
    SignalId SignalId,
    string Symbol,
    Side Side,
    decimal Volume,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    decimal RiskMoney,
    double Confidence,
    DateTimeOffset ExpiresAt,
    FireSource Source) : IRequest<FireDecision>;
