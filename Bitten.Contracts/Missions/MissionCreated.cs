using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>
/// A user's personal mission for a signal was stored (one per user and signal). Users alerts the user;
/// Execution's auto-fire considers it. <paramref name="Fireable"/> is false for view-only missions, with the reason.
/// </summary>
public sealed record MissionCreated(
    MissionId MissionId,
    UserId UserId,
    SignalId SignalId,
    string Symbol,
    Side Side,
    string Pattern,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    decimal Volume,
    decimal RiskMoney,
    decimal RewardMoney,
    string AccountCurrency,
    double WinProbability,
    double ExpectedValueR,
    double Confidence,
    bool Fireable,
    string? NotFireableReason,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset RecordedAt) : INotification;
