using Bitten.Contracts.Common;

namespace Bitten.Contracts.Signals;

/// <summary>One open position as an EA reports it in a heartbeat; <paramref name="FireId"/> is empty for positions BITTEN did not open.</summary>
public sealed record EaPosition(
    long Position,
    string? FireId,
    string Symbol,
    Side Side,
    decimal Volume,
    decimal OpenPrice,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal Profit,
    long OpenTsMs);
