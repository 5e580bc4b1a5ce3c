using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Lifecycle;
using MediatR;

namespace Bitten.Modules.Missions.Integration;

/// <summary>The fire left for the EA: FIRING → SENT (a repeat or late report changes nothing).</summary>
internal sealed class FireSentHandler(MissionTransitions transitions) : INotificationHandler<FireSent>
{
    public Task Handle(FireSent notification, CancellationToken cancellationToken) =>
        transitions.AdvanceAsync(notification.MissionId.Value, MissionStatus.Sent, nameof(FireSent),
            new TransitionDetails(FireId: notification.FireId.Value), cancellationToken);
}
