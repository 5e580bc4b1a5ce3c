using Bitten.Contracts.Common;
using MediatR;

namespace Bitten.Contracts.Users;

/// <summary>
/// A user asked to be forgotten (GDPR erasure, <c>DELETE /api/me</c>). Every module deletes or anonymises
/// what it stores about <paramref name="UserId"/>; handlers are idempotent (a retry after a failure is safe).
/// The Users module keeps the audit trail with the actor anonymised and deletes the user last.
/// </summary>
public sealed record UserErasureRequested(UserId UserId, DateTimeOffset RequestedAt) : INotification;
