using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>Every active user whose tier shows signals, with what Missions needs to size their mission (one query, not one per user).</summary>
public sealed record ListSignalAudience : IRequest<IReadOnlyList<AudienceMember>>;

/// <summary>One recipient of a signal: tier rules and the user's own risk settings.</summary>
public sealed record AudienceMember(
    UserId UserId,
    string Tier,
    bool CanFire,
    decimal RiskPercent,
    decimal MaxRiskPercent,
    bool AutoFireEnabled,
    decimal MinWinProbability,
    bool HasLinkedEa);
