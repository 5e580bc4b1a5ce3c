using MediatR;

namespace Bitten.Contracts.Signals;

/// <summary>
/// An authenticated EA's heartbeat (from the feed socket 5556 or the command socket 5555): balance,
/// equity and open positions at <paramref name="SourceTsMs"/>. Execution keeps the EA registry.
/// </summary>
public sealed record EaHeartbeatReceived(
    string EaId,
    string Currency,
    decimal Balance,
    decimal Equity,
    decimal Margin,
    decimal FreeMargin,
    decimal? MarginLevel,
    int? BrokerUtcOffsetSeconds,
    IReadOnlyList<EaPosition> Positions,
    long SourceTsMs,
    DateTimeOffset ReceivedAt) : INotification;
