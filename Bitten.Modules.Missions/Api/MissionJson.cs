using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Lifecycle;

namespace Bitten.Modules.Missions.Api;

/// <summary>The JSON shapes of <c>/api/missions</c> (snake_case, prices and money as decimals).</summary>
internal static class MissionJson
{
    public static string StatusName(int status) => ((MissionStatus)status) switch
    {
        MissionStatus.ViewOnly => "VIEW_ONLY",
        var s => s.ToString().ToUpperInvariant(),
    };

    public static object Summary(MissionRecord m, long nowMs) => new
    {
        mission_id = m.Id,
        signal_id = m.SignalId,
        status = StatusName(m.Status),
        symbol = m.Symbol,
        side = ((Side)m.Side).ToString().ToUpperInvariant(),
        pattern = m.Pattern,
        entry = m.Entry,
        sl = m.StopLoss,
        tp = m.TakeProfit,
        volume = m.Volume,
        risk_money = m.RiskMoney,
        reward_money = m.RewardMoney,
        risk_percent = m.RiskPercent,
        currency = m.AccountCurrency,
        shield_multiplier = m.ShieldMultiplier,
        win_probability = Math.Round(m.WinProbability, 4),
        expected_value_r = Math.Round(m.ExpectedValueR, 4),
        confidence = Math.Round(m.Confidence, 1),
        fireable = m.Fireable,
        not_fireable = m.Fireable ? null : new { code = ((FireRefusal)m.NotFireableCode).ToString(), reason = m.NotFireableReason },
        fire_id = m.FireId,
        created_ts_ms = m.CreatedAtMs,
        expires_ts_ms = m.ExpiresAtMs,
        seconds_to_expiry = m.Status == (int)MissionStatus.Pending ? Math.Max(0, (m.ExpiresAtMs - nowMs) / 1000) : 0,
    };

    public static object Detail(MissionRecord m, long nowMs, MarketQuote? quote) => new
    {
        mission = Summary(m, nowMs),
        signal = new
        {
            signal_id = m.SignalId,
            timeframe = ((Timeframe)m.Timeframe).ToString(),
            stop_pips = m.StopPips,
            target_pips = m.TargetPips,
            risk_reward = Math.Round(m.RiskReward, 2),
            shield_score = m.ShieldScore,
            shield_class = ((ShieldClass)m.ShieldClass).ToString(),
            session = ((TradingSession)m.Session).ToString(),
            signal_class = m.SignalClass,
            created_ts_ms = m.SignalCreatedAtMs,
        },
        sizing = new { balance = m.Balance, value_source = string.IsNullOrEmpty(m.ValueSource) ? null : m.ValueSource },
        live = quote is null ? null : new { bid = quote.Bid, ask = quote.Ask, ts_ms = quote.TsMs, stale = quote.Stale },
        status_reason = m.StatusReason,
        result = m.Status == (int)MissionStatus.Closed || m.FillPrice is not null
            ? new { fill_price = m.FillPrice, filled_volume = m.FilledVolume, profit = m.Profit, r_multiple = m.ResultR, trade_result = ((TradeResult)m.TradeResult).ToString(), closed_ts_ms = m.ClosedAtMs }
            : null,
    };
}
