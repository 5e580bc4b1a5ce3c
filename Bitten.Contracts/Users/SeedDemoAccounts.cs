using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// The embedded default (no MetaTrader, no Telegram): ensures a demo admin and a demo subscriber exist,
/// links the built-in simulator's EA (<paramref name="EaId"/>, <paramref name="EaToken"/>) to the
/// subscriber as their default terminal, and issues one-time login codes for both. Idempotent.
/// </summary>
public sealed record SeedDemoAccounts(string EaId, string EaToken) : IRequest<DemoAccounts>;

/// <summary>The demo users and their one-time login codes (exchanged at <c>POST /api/auth/login-link</c>).</summary>
public sealed record DemoAccounts(UserId Admin, UserId Subscriber, string AdminLoginCode, string SubscriberLoginCode, DateTimeOffset CodesExpireAt);
