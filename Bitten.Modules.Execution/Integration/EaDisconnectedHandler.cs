using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Registry;
using MediatR;

namespace Bitten.Modules.Execution.Integration;

/// <summary>An EA said goodbye: no fire goes to it until its next hello.</summary>
internal sealed class EaDisconnectedHandler(EaRegistry registry) : INotificationHandler<EaDisconnected>
{
    public async Task Handle(EaDisconnected notification, CancellationToken cancellationToken)
    {
        await registry.EnsureLoadedAsync(cancellationToken);
        registry.EndSession(notification.EaId);
    }
}
