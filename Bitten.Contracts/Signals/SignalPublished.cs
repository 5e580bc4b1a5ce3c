using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>
/// A signal passed every gate and was stored and published (PROTOCOL signal message). Published once per
/// signal; handlers must still be idempotent on <paramref name="SignalId"/>.
/// </summary>
public sealed record SignalPublished(
    SignalId SignalId,
    string Symbol,
    Side Side,
    string Pattern,
    Timeframe Timeframe,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    decimal StopPips,
    decimal TargetPips,
    double RiskReward,
    double Confidence,
    double ShieldScore,
    ShieldClass ShieldClass,
    decimal ShieldMultiplier,
    double WinProbability,
    double ExpectedValueR,
    TradingSession Session,
    string SignalClass,
    string? ModelVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset RecordedAt) : INotification;
