using Bitten.Contracts.Signals;

namespace Bitten.Modules.Execution.Registry;

/// <summary>An immutable snapshot of one EA as the registry knows it; <see cref="PositionsAtMs"/> is when its positions were last reported (0: never).</summary>
internal sealed record EaState(
    string EaId,
    long UserId,
    bool IsDefault,
    string Currency,
    decimal Balance,
    decimal Equity,
    decimal Margin,
    decimal FreeMargin,
    int? BrokerUtcOffsetSeconds,
    string? AccountLogin,
    string? Broker,
    long LastSeenMs,
    bool Session,
    decimal? StartOfDayEquity,
    long? StartOfDayDay,
    IReadOnlyDictionary<string, SymbolSpec> Symbols,
    IReadOnlyList<EaPosition> Positions,
    double? LastPingRttMs,
    bool RouteVerified = true,
    long PositionsAtMs = 0)
{
    public bool IsFresh(DateTimeOffset now, TimeSpan staleAfter) => LastSeenMs > 0 && now.ToUnixTimeMilliseconds() - LastSeenMs <= (long)staleAfter.TotalMilliseconds;

    /// <summary>
    /// Reachable for a fire: said hello on this process's command socket, still connected, fresh, and no other connection
    /// has claimed its routing id since that hello (<see cref="RouteVerified"/>).
    /// </summary>
    public bool CanReceive(DateTimeOffset now, TimeSpan staleAfter) => Session && RouteVerified && IsFresh(now, staleAfter);
}
