namespace Bitten.Simulator.Broker;

/// <summary>The account as a heartbeat reports it.</summary>
internal sealed record AccountSnapshot(string Currency, decimal Balance, decimal Equity, decimal Margin, decimal FreeMargin, decimal? MarginLevel, IReadOnlyList<PositionSnapshot> Positions);

/// <summary>One open position in a heartbeat.</summary>
internal sealed record PositionSnapshot(long Position, string FireId, string Symbol, string Side, decimal Volume, decimal OpenPrice, decimal Sl, decimal Tp, decimal Profit, long OpenTsMs);
