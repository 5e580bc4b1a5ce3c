using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Lifecycle;
using MediatR;

namespace Bitten.Modules.Missions.Integration;

/// <summary>The position closed: → CLOSED with its R multiple, profit and result.</summary>
internal sealed class TradeClosedHandler(MissionTransitions transitions) : INotificationHandler<TradeClosed>
{
    public Task Handle(TradeClosed notification, CancellationToken cancellationToken) =>
        transitions.AdvanceAsync(notification.MissionId.Value, MissionStatus.Closed, nameof(TradeClosed),
            new TransitionDetails(
                Reason: notification.Reason.ToString(),
                FireId: notification.FireId.Value,
                Profit: notification.Profit,
                ResultR: notification.RMultiple,
                Result: notification.Result,
                ClosedAtMs: notification.ClosedAt.ToUnixTimeMilliseconds()),
            cancellationToken);
}
