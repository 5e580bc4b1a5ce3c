using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>
/// A BITTEN position closed (the EA's close_report is the truth). R multiple = profit / risk at fire time.
/// <paramref name="AtOriginalStop"/> is true when a loss closed at the signal's own stop (discipline XP).
/// </summary>
public sealed record TradeClosed(
    FireId FireId,
    MissionId MissionId,
    UserId UserId,
    SignalId SignalId,
    string Symbol,
    Side Side,
    decimal OpenPrice,
    decimal ClosePrice,
    decimal Volume,
    decimal Profit,
    string Currency,
    double RMultiple,
    TradeResult Result,
    CloseReason Reason,
    bool AtOriginalStop,
    DateTimeOffset ClosedAt,
    DateTimeOffset RecordedAt) : INotification;
