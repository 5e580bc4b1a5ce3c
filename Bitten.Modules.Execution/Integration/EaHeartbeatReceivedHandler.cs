using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Registry;
using MediatR;

namespace Bitten.Modules.Execution.Integration;

/// <summary>Heartbeats arriving on the feed socket (Signals authenticated them): same processing as on 5555. Idempotent.</summary>
internal sealed class EaHeartbeatReceivedHandler(HeartbeatProcessor heartbeats) : INotificationHandler<EaHeartbeatReceived>
{
    public Task Handle(EaHeartbeatReceived notification, CancellationToken cancellationToken) => heartbeats.ApplyAsync(notification, cancellationToken);
}
