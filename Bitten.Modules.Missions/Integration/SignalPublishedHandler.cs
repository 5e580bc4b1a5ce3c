using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Creation;
using MediatR;

namespace Bitten.Modules.Missions.Integration;

/// <summary>
/// A published signal is handed to the fan-out queue and the publisher goes on at once; <see cref="FanOutWorker"/>
/// turns it into one mission per eligible user. Never throws into the publisher's loop (a full queue makes it wait).
/// </summary>
internal sealed class SignalPublishedHandler(FanOutQueue queue) : INotificationHandler<SignalPublished>
{
    public Task Handle(SignalPublished notification, CancellationToken cancellationToken) => queue.EnqueueAsync(notification, cancellationToken).AsTask();
}
