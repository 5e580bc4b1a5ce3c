using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Outcomes;

/// <summary>
/// Every open signal's virtual trade, by symbol. Fed every accepted tick and the clock; hands resolved
/// trades to a callback. One owner thread (the engine); no allocation for a tick that resolves nothing.
/// </summary>
internal sealed class VirtualOutcomeTracker(int symbols)
{
    private readonly List<VirtualTrade>[] _open = [.. Enumerable.Range(0, symbols).Select(_ => new List<VirtualTrade>(8))];

    public int OpenCount => _open.Sum(l => l.Count);

    public IEnumerable<VirtualTrade> Open => _open.SelectMany(l => l);

    public void Track(VirtualTrade trade) => _open[trade.SymbolIndex].Add(trade);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public void OnTick(int symbol, double bid, double ask, long tsMs, Action<VirtualTrade, SignalOutcome> resolved)
    {
        var trades = _open[symbol];
        for (var i = trades.Count - 1; i >= 0; i--)
        {
            var outcome = trades[i].OnTick(bid, ask, tsMs);
            if (outcome != SignalOutcome.Unknown)
            {
                var trade = trades[i];
                trades.RemoveAt(i);
                resolved(trade, outcome);
            }
        }
    }

    /// <summary>Resolves as TIMEOUT every trade of the symbol whose deadline passed without a tick.</summary>
    public void OnClock(int symbol, long nowMs, Action<VirtualTrade, SignalOutcome> resolved)
    {
        var trades = _open[symbol];
        for (var i = trades.Count - 1; i >= 0; i--)
        {
            if (trades[i].IsOverdue(nowMs))
            {
                var trade = trades[i];
                trades.RemoveAt(i);
                resolved(trade, SignalOutcome.Timeout);
            }
        }
    }
}
