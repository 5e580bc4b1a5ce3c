using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Lifecycle;
using MediatR;

namespace Bitten.Modules.Missions.Integration;

/// <summary>The EA confirmed the fill: → FILLED with the fill price and volume.</summary>
internal sealed class FireFilledHandler(MissionTransitions transitions) : INotificationHandler<FireFilled>
{
    public Task Handle(FireFilled notification, CancellationToken cancellationToken) =>
        transitions.AdvanceAsync(notification.MissionId.Value, MissionStatus.Filled, nameof(FireFilled),
            new TransitionDetails(FireId: notification.FireId.Value, FillPrice: notification.Price, FilledVolume: notification.Volume), cancellationToken);
}
