using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Lifecycle;
using MediatR;

namespace Bitten.Modules.Missions.Integration;

/// <summary>The fire did not become a position: → REJECTED, FAILED or UNCONFIRMED as Execution says, with its reason.</summary>
internal sealed class FireFailedHandler(MissionTransitions transitions) : INotificationHandler<FireFailed>
{
    public Task Handle(FireFailed notification, CancellationToken cancellationToken)
    {
        var outcome = notification.Outcome is MissionStatus.Rejected or MissionStatus.Failed or MissionStatus.Unconfirmed
            ? notification.Outcome
            : MissionStatus.Failed;
        var reason = notification.Retcode is { } code ? $"{notification.Reason} (retcode {code})" : notification.Reason;
        return transitions.AdvanceAsync(notification.MissionId.Value, outcome, nameof(FireFailed),
            new TransitionDetails(Reason: reason, FireId: notification.FireId.Value), cancellationToken);
    }
}
