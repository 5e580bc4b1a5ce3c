using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// Something worth an audit trail happened (a fire, a halt, an admin change). The Users module stores
/// it in its audit log (<c>GET /api/admin/audit</c>); any module publishes it where the action happens.
/// Never put a secret into <paramref name="Detail"/>.
/// </summary>
/// <param name="ActorUserId">Who did it; null for the system or an anonymous caller.</param>
/// <param name="Action">Dotted verb, e.g. <c>mission.fire</c>, <c>trading.halt</c> (at most 64 characters).</param>
/// <param name="Target">What it was done to, e.g. a mission or user id (at most 128 characters).</param>
/// <param name="Detail">Outcome or parameters in a few words (at most 512 characters).</param>
/// <param name="Source">Where from: the client IP, <c>telegram</c> or <c>system</c> (at most 64 characters).</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record AuditEventOccurred(
    UserId? ActorUserId,
    string Action,
    string? Target,
    string? Detail,
    string? Source,
    DateTimeOffset OccurredAt) : INotification;
