using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Stats;

/// <summary>
/// One resolved signal as the performance report sees it — from a backtest or from the stored live signals,
/// so both are reported by the same code.
/// </summary>
internal sealed record TradeRow(
    string Id,
    string Symbol,
    string Pattern,
    TradingSession Session,
    long CreatedMs,
    long ResolvedMs,
    double WinProbability,
    SignalOutcome Outcome,
    double R)
{
    public TradeResult Result => Outcome switch
    {
        SignalOutcome.Win => TradeResult.Win,
        SignalOutcome.Loss => TradeResult.Loss,
        _ => TradeResult.Timeout,
    };
}
