using Bitten.Contracts.Missions;

namespace Bitten.Modules.Users.Bot.Stats;

/// <summary>
/// The figures traders know from freqtrade's /profit: trades, wins, win rate, net R and money, expectancy (mean R),
/// profit factor (gross won ÷ gross lost, money) and max drawdown (deepest fall of cumulative R from its peak).
/// </summary>
internal sealed record TradeStats(int Trades, int Wins, int Losses, double NetR, decimal NetMoney, double ExpectancyR, double? ProfitFactor, double MaxDrawdownR)
{
    public double WinRate => Trades == 0 ? 0 : (double)Wins / Trades;

    public static TradeStats Of(IReadOnlyList<ClosedTrade> trades)
    {
        var wins = trades.Count(t => t.Profit > 0);
        var losses = trades.Count(t => t.Profit < 0);
        var grossWon = trades.Where(t => t.Profit > 0).Sum(t => t.Profit);
        var grossLost = -trades.Where(t => t.Profit < 0).Sum(t => t.Profit);
        double cumulative = 0, peak = 0, drawdown = 0;
        foreach (var trade in trades.OrderBy(t => t.ClosedAt))
        {
            cumulative += trade.RMultiple;
            peak = Math.Max(peak, cumulative);
            drawdown = Math.Max(drawdown, peak - cumulative);
        }

        var netR = trades.Sum(t => t.RMultiple);
        return new TradeStats(trades.Count, wins, losses, netR, trades.Sum(t => t.Profit), trades.Count == 0 ? 0 : netR / trades.Count,
            grossLost == 0 ? null : (double)(grossWon / grossLost), drawdown);
    }
}
