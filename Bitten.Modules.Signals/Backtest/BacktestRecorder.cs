using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Outcomes;

namespace Bitten.Modules.Signals.Backtest;

/// <summary>The backtest's engine output: keeps every signal and its resolution in memory (signals are few; bars are only counted).</summary>
internal sealed class BacktestRecorder : IEngineOutput
{
    private readonly Dictionary<string, BacktestSignal> _byId = new(StringComparer.Ordinal);

    public List<BacktestSignal> Signals { get; } = [];

    public long[] BarsByTimeframe { get; } = new long[61];

    public void OnBarClosed(int symbolIndex, in Candle candle) => BarsByTimeframe[(int)candle.Timeframe]++;

    public void OnSignal(EngineSignal signal)
    {
        var row = new BacktestSignal(signal);
        Signals.Add(row);
        _byId[signal.SignalId] = row;
    }

    public void OnResolved(VirtualTrade trade, SignalOutcome outcome, long tsMs)
    {
        if (!_byId.TryGetValue(trade.SignalId, out var row))
        {
            return;
        }

        row.Outcome = outcome;
        row.R = Math.Round(trade.RMultiple, 4);
        row.ResultPips = Math.Round(trade.LastPips, 2);
        row.MfePips = Math.Round(trade.MaxFavourablePips, 2);
        row.MaePips = Math.Round(trade.MaxAdversePips, 2);
        row.ResolvedMs = tsMs;
    }
}
