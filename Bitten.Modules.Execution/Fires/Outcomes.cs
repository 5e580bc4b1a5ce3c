using Bitten.Contracts.Execution;

namespace Bitten.Modules.Execution.Fires;

/// <summary>DOMAIN §10: a closed trade's result from its R multiple, and whether a stop-out was the signal's own stop.</summary>
internal static class Outcomes
{
    public static TradeResult Classify(double rMultiple) => rMultiple switch
    {
        > 0.05 => TradeResult.Win,
        < -0.05 => TradeResult.Loss,
        _ => TradeResult.Breakeven,
    };

    /// <summary>Closed by the stop, within one point of the stop sent with the fire (a moved stop is not the original).</summary>
    public static bool AtOriginalStop(CloseReason reason, decimal closePrice, decimal originalStop, decimal point) =>
        reason == CloseReason.StopLoss && Math.Abs(closePrice - originalStop) <= (point > 0 ? point : 0.00001m);

    public static CloseReason ParseReason(string? reason) => reason?.ToLowerInvariant() switch
    {
        "tp" => CloseReason.TakeProfit,
        "sl" => CloseReason.StopLoss,
        "manual" => CloseReason.Manual,
        "server" => CloseReason.Server,
        "stopout" => CloseReason.StopOut,
        "expired" => CloseReason.Expired,
        _ => CloseReason.Unknown,
    };
}
