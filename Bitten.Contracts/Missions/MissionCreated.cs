using Bitten.Contracts.Common;

namespace Bitten.Contracts.Missions;

/// <summary>
/// A user's personal mission for a signal was stored (one per user and signal): one item of a
/// <see cref="MissionsCreated"/> batch. <paramref name="Fireable"/> is false for view-only missions, with the reason.
/// Not a notification of its own: missions are only ever announced in batches.
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
    DateTimeOffset RecordedAt);
