using Bitten.Contracts.Missions;
using MediatR;

namespace Bitten.Modules.Missions.Stream;

/// <summary>Mission state changes go to their owner's open streams as <c>event: mission_state</c>.</summary>
internal sealed class MissionStateChangedStreamHandler(MissionStreamHub hub) : INotificationHandler<MissionStateChanged>
{
    public Task Handle(MissionStateChanged n, CancellationToken cancellationToken)
    {
        hub.Publish(n.UserId.Value, "mission_state", new
        {
            mission_id = n.MissionId.Value,
            from = n.From.ToString().ToUpperInvariant(),
            to = n.To.ToString().ToUpperInvariant(),
            reason = n.Reason,
            fire_id = n.FireId?.Value,
            changed_ts_ms = n.ChangedAt.ToUnixTimeMilliseconds(),
        });
        return Task.CompletedTask;
    }
}
