using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Gamification;

/// <summary>Execution asks, before a fire, whether today's tactic allows it (DOMAIN §9 tactics).</summary>
public sealed record CheckTactic(UserId UserId, double Confidence, Side Side, DateTimeOffset At) : IRequest<TacticCheck>;

/// <summary>Allowed, or refused with the rule that refuses it.</summary>
public sealed record TacticCheck(bool Allowed, string Tactic, string? Reason);
