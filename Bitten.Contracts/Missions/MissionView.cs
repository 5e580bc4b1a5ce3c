using Bitten.Contracts.Common;

namespace Bitten.Contracts.Missions;

/// <summary>A mission's fire-relevant facts (for the bot's /fire and auto-fire).</summary>
public sealed record MissionView(
    MissionId MissionId,
    UserId UserId,
    SignalId SignalId,
    string Symbol,
    Side Side,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    decimal Volume,
    decimal RiskMoney,
    MissionStatus Status,
    double WinProbability,
    double ExpectedValueR,
    double Confidence,
    bool Fireable,
    DateTimeOffset ExpiresAt);
