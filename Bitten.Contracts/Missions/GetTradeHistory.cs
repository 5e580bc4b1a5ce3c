using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Missions;

/// <summary>
/// A user's fired missions for statistics (the bot's /status, /trades, /profit, /daily, /weekly, /performance):
/// trades closed since <paramref name="Since"/>, oldest first, and every trade still open.
/// </summary>
public sealed record GetTradeHistory(UserId UserId, DateTimeOffset Since) : IRequest<TradeHistory>;

/// <summary>Closed and open trades of one user.</summary>
public sealed record TradeHistory(IReadOnlyList<ClosedTrade> Closed, IReadOnlyList<OpenTrade> Open);

/// <summary>A closed trade: result in account money and in R (profit ÷ risk at fire time).</summary>
public sealed record ClosedTrade(MissionId MissionId, string Symbol, Side Side, string Pattern, decimal Volume, decimal Profit, string Currency, double RMultiple, DateTimeOffset ClosedAt);

/// <summary>An open (filled) trade with what is needed for live P/L and distance to the stop.</summary>
public sealed record OpenTrade(MissionId MissionId, string Symbol, Side Side, string Pattern, decimal Volume, decimal FillPrice, decimal StopLoss, decimal TakeProfit, decimal RiskMoney, string Currency, DateTimeOffset FilledAt);
