using Bitten.Contracts.Execution;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>What a transition stores beside the new state (only the non-null parts are written).</summary>
internal sealed record TransitionDetails(
    string? Reason = null,
    string? FireId = null,
    FireSource? Source = null,
    decimal? FillPrice = null,
    decimal? FilledVolume = null,
    decimal? Profit = null,
    double? ResultR = null,
    TradeResult? Result = null,
    long? ClosedAtMs = null)
{
    public static readonly TransitionDetails None = new();
}
