using Bitten.Contracts.Common;

namespace Bitten.Simulator.Broker;

/// <summary>An open paper position. Mutable state owned by <see cref="PaperBroker"/> under its lock.</summary>
internal sealed class PaperPosition(long ticket, string fireId, string symbol, Side side, decimal volume, decimal openPrice, decimal sl, decimal tp, long openTsMs)
{
    public long Ticket { get; } = ticket;

    public string FireId { get; } = fireId;

    public string Symbol { get; } = symbol;

    public Side Side { get; } = side;

    public decimal Volume { get; set; } = volume;

    public decimal OpenPrice { get; } = openPrice;

    public decimal Sl { get; set; } = sl;

    public decimal Tp { get; set; } = tp;

    public long OpenTsMs { get; } = openTsMs;

    public decimal Profit { get; set; }
}
