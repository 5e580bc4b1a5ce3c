using Bitten.Contracts.Missions;

namespace Bitten.Modules.Missions.Stream;

/// <summary>The <c>event: mission</c> frame a new mission sends to its owner's open streams.</summary>
internal static class MissionFrames
{
    public const string EventName = "mission";

    public static object Payload(MissionCreated n) => new
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
    };
}
