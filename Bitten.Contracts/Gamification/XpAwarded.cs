using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>XP was added to the ledger (once per award key).</summary>
public sealed record XpAwarded(UserId UserId, int Amount, string Reason, string AwardKey, long Balance, DateTimeOffset AwardedAt) : INotification;
