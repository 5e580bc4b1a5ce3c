using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Outcomes;

/// <summary>
/// The virtual trade of one signal (DOMAIN §10): a BUY is closed at the bid, a SELL at the ask; within
/// one tick the stop is checked before the target; after the timeout it resolves TIMEOUT at its
/// mark-to-market. Tracks maximum favourable and adverse excursion in pips.
/// </summary>
internal sealed class VirtualTrade(string signalId, int symbolIndex, string pattern, Side side, double entry, double stopLoss, double takeProfit, double pipSize, long createdMs, long timeoutMs)
{
    public string SignalId { get; } = signalId;

    public int SymbolIndex { get; } = symbolIndex;

    public string Pattern { get; } = pattern;

    public Side Side { get; } = side;

    public double Entry { get; } = entry;

    public double StopLoss { get; } = stopLoss;

    public double TakeProfit { get; } = takeProfit;

    public long CreatedMs { get; } = createdMs;

    public long DeadlineMs { get; } = createdMs + timeoutMs;

    public double MaxFavourablePips { get; private set; }

    public double MaxAdversePips { get; private set; }

    public double LastPips { get; private set; }

    /// <summary>Applies a tick; returns the outcome once the trade is over, else <see cref="SignalOutcome.Unknown"/>.</summary>
    public SignalOutcome OnTick(double bid, double ask, long tsMs)
    {
        if (tsMs < CreatedMs)
        {
            return SignalOutcome.Unknown;
        }

        var buy = Side == Side.Buy;
        var price = buy ? bid : ask;
        LastPips = (buy ? price - Entry : Entry - price) / pipSize;
        MaxFavourablePips = Math.Max(MaxFavourablePips, LastPips);
        MaxAdversePips = Math.Max(MaxAdversePips, -LastPips);
        if (buy ? price <= StopLoss : price >= StopLoss)
        {
            LastPips = (buy ? StopLoss - Entry : Entry - StopLoss) / pipSize;
            return SignalOutcome.Loss;
        }

        if (buy ? price >= TakeProfit : price <= TakeProfit)
        {
            LastPips = (buy ? TakeProfit - Entry : Entry - TakeProfit) / pipSize;
            return SignalOutcome.Win;
        }

        return tsMs >= DeadlineMs ? SignalOutcome.Timeout : SignalOutcome.Unknown;
    }

    /// <summary>The clock passed the deadline with no tick: TIMEOUT at the last mark.</summary>
    public bool IsOverdue(long nowMs) => nowMs >= DeadlineMs;

    public double StopPips => Math.Abs(Entry - StopLoss) / pipSize;

    /// <summary>R multiple of the current (or final) result.</summary>
    public double RMultiple => StopPips == 0 ? 0 : LastPips / StopPips;
}
