using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Execution;

/// <summary>Asks Execution for a user's default EA account as last reported (null when no EA has reported).</summary>
public sealed record GetUserAccount(UserId UserId) : IRequest<UserAccount?>;

/// <summary>Balance and equity from the EA's heartbeat; <paramref name="Online"/> when seen within 30 s.</summary>
public sealed record UserAccount(UserId UserId, string EaId, string Currency, decimal Balance, decimal Equity, bool Online, DateTimeOffset LastSeen, decimal StartOfDayEquity, decimal RealisedTodayMoney);
