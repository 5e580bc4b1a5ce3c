using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Users.Audit;

/// <summary>Stores audit events other modules announce (fires, halts, closes).</summary>
internal sealed class AuditEventOccurredHandler(AuditLog audit) : INotificationHandler<AuditEventOccurred>
{
    public Task Handle(AuditEventOccurred notification, CancellationToken cancellationToken) =>
        audit.RecordAsync(notification.ActorUserId, notification.Action, notification.Target, notification.Detail, cancellationToken,
            notification.Source, notification.OccurredAt);
}
