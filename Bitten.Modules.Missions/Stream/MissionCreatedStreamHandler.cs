using Bitten.Contracts.Missions;
using MediatR;

namespace Bitten.Modules.Missions.Stream;

/// <summary>New missions go to their owner's open streams as <c>event: mission</c>.</summary>
internal sealed class MissionCreatedStreamHandler(MissionStreamHub hub) : INotificationHandler<MissionCreated>
{
    public Task Handle(MissionCreated n, CancellationToken cancellationToken)
    {
        hub.Publish(n.UserId.Value, "mission", new
        {
            mission_id = n.MissionId.Value,
            signal_id = n.SignalId.Value,
            symbol = n.Symbol,
            side = n.Side.ToString().ToUpperInvariant(),
            pattern = n.Pattern,
            entry = n.Entry,
            sl = n.StopLoss,
            tp = n.TakeProfit,
            volume = n.Volume,
            risk_money = n.RiskMoney,
            reward_money = n.RewardMoney,
            currency = n.AccountCurrency,
            win_probability = n.WinProbability,
            expected_value_r = n.ExpectedValueR,
            confidence = n.Confidence,
            fireable = n.Fireable,
            not_fireable_reason = n.NotFireableReason,
            expires_ts_ms = n.ExpiresAt.ToUnixTimeMilliseconds(),
            created_ts_ms = n.CreatedAt.ToUnixTimeMilliseconds(),
        });
        return Task.CompletedTask;
    }
}
