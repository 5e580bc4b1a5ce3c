using Bitten.Contracts.Users;
using MediatR;

namespace Bitten.Modules.Users.Alerts;

/// <summary>Answers <see cref="QueueUserAlert"/> by writing to the outbox.</summary>
internal sealed class QueueUserAlertHandler(AlertOutbox outbox) : IRequestHandler<QueueUserAlert, AlertQueueOutcome>
{
    public Task<AlertQueueOutcome> Handle(QueueUserAlert request, CancellationToken cancellationToken) =>
        outbox.QueueAsync(request.UserId, request.Kind, request.Html, request.DedupeKey, request.Buttons, cancellationToken);
}
