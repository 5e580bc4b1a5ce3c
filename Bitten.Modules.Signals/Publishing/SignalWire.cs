using System.Buffers;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Scoring;

namespace Bitten.Modules.Signals.Publishing;

/// <summary>The PROTOCOL signal message (PUB 5557) and the in-process <see cref="SignalPublished"/> for one engine signal.</summary>
internal static class SignalWire
{
    public static decimal Price(double value, int digits) => Math.Round((decimal)value, digits, MidpointRounding.AwayFromZero);

    public static byte[] Topic(string symbol) => System.Text.Encoding.ASCII.GetBytes("signal." + symbol);

    public static ReadOnlyMemory<byte> Json(EngineSignal s)
    {
        var buffer = new ArrayBufferWriter<byte>(768);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("signal_id", s.SignalId);
            json.WriteString("symbol", s.Symbol);
            json.WriteString("side", s.Side == Side.Buy ? "BUY" : "SELL");
            json.WriteString("pattern", s.Candidate.Pattern);
            json.WriteString("timeframe", "M5");
            json.WriteNumber("entry", Price(s.Candidate.Entry, s.Digits));
            json.WriteNumber("sl", Price(s.Candidate.StopLoss, s.Digits));
            json.WriteNumber("tp", Price(s.Candidate.TakeProfit, s.Digits));
            json.WriteNumber("stop_pips", Math.Round(s.StopPips, 1));
            json.WriteNumber("target_pips", Math.Round(s.TargetPips, 1));
            json.WriteNumber("risk_reward", Math.Round(s.Candidate.RewardRisk, 2));
            json.WriteNumber("confidence", Math.Round(s.Tcs, 1));
            json.WriteNumber("shield_score", s.Shield.Score);
            json.WriteString("shield_class", CitadelShield.WireName(s.Shield.Class));
            json.WriteNumber("win_probability", Math.Round(s.WinProbability, 4));
            json.WriteNumber("expected_value_r", Math.Round(s.ExpectedValueR, 4));
            json.WriteString("session", SessionName(s.Session));
            if (s.ModelVersion is null)
            {
                json.WriteNull("model_version");
            }
            else
            {
                json.WriteString("model_version", s.ModelVersion);
            }

            json.WriteNumber("created_ts_ms", s.CreatedMs);
            json.WriteNumber("expires_ts_ms", s.ExpiresMs);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    public static SignalPublished Notification(EngineSignal s, DateTimeOffset recordedAt) => new(
        new SignalId(s.SignalId),
        s.Symbol,
        s.Side,
        s.Candidate.Pattern,
        Timeframe.M5,
        Price(s.Candidate.Entry, s.Digits),
        Price(s.Candidate.StopLoss, s.Digits),
        Price(s.Candidate.TakeProfit, s.Digits),
        Math.Round((decimal)s.StopPips, 1),
        Math.Round((decimal)s.TargetPips, 1),
        Math.Round(s.Candidate.RewardRisk, 4),
        Math.Round(s.Tcs, 2),
        s.Shield.Score,
        s.Shield.Class,
        s.Shield.SizeMultiplier,
        s.WinProbability,
        s.ExpectedValueR,
        s.Session,
        s.SignalClass,
        s.ModelVersion,
        DateTimeOffset.FromUnixTimeMilliseconds(s.CreatedMs),
        DateTimeOffset.FromUnixTimeMilliseconds(s.ExpiresMs),
        recordedAt);

    /// <summary>A stored signal as it was announced (the same rounding as <see cref="Notification(EngineSignal, DateTimeOffset)"/>).</summary>
    public static SignalPublished Notification(SignalRecord r) => new(
        new SignalId(r.Id),
        r.Symbol,
        (Side)r.Side,
        r.Pattern,
        (Timeframe)r.Timeframe,
        r.Entry,
        r.StopLoss,
        r.TakeProfit,
        Math.Round((decimal)r.StopPips, 1),
        Math.Round((decimal)r.TargetPips, 1),
        Math.Round(r.RiskReward, 4),
        Math.Round(r.Confidence, 2),
        r.ShieldScore,
        (ShieldClass)r.ShieldClass,
        r.ShieldMultiplier,
        r.WinProbability,
        r.ExpectedValueR,
        (TradingSession)r.Session,
        r.SignalClass,
        r.ModelVersion,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs),
        DateTimeOffset.FromUnixTimeMilliseconds(r.ExpiresMs),
        DateTimeOffset.FromUnixTimeMilliseconds(r.RecordedMs));

    public static string SessionName(TradingSession session) => session switch
    {
        TradingSession.Asian => "ASIAN",
        TradingSession.London => "LONDON",
        TradingSession.Overlap => "OVERLAP",
        TradingSession.NewYork => "NEW_YORK",
        TradingSession.OffHours => "OFF_HOURS",
        _ => "UNKNOWN",
    };

    public static SignalRecord Record(EngineSignal s, long recordedMs) => new()
    {
        Id = s.SignalId,
        Symbol = s.Symbol,
        Side = (int)s.Side,
        Pattern = s.Candidate.Pattern,
        Timeframe = (int)Timeframe.M5,
        Entry = Price(s.Candidate.Entry, s.Digits),
        StopLoss = Price(s.Candidate.StopLoss, s.Digits),
        TakeProfit = Price(s.Candidate.TakeProfit, s.Digits),
        StopPips = s.StopPips,
        TargetPips = s.TargetPips,
        RiskReward = s.Candidate.RewardRisk,
        Confidence = s.Tcs,
        PatternScore = s.Candidate.PatternScore,
        ShieldScore = s.Shield.Score,
        ShieldClass = (int)s.Shield.Class,
        ShieldMultiplier = s.Shield.SizeMultiplier,
        WinProbability = s.WinProbability,
        ExpectedValueR = s.ExpectedValueR,
        Session = (int)s.Session,
        SignalClass = s.SignalClass,
        ModelVersion = s.ModelVersion,
        Threshold = s.Threshold,
        BarOpenMs = s.BarOpenMs,
        CreatedMs = s.CreatedMs,
        ExpiresMs = s.ExpiresMs,
        RecordedMs = recordedMs,
        ComponentsJson = JsonSerializer.Serialize(s.Candidate.Components.Concat(s.Context).Select(c => new { name = c.Name, points = Math.Round(c.Points, 2), reason = c.Reason })),
        ShieldJson = JsonSerializer.Serialize(s.Shield.Components.Select(c => new { name = c.Name, points = c.Points, reason = c.Reason })),
        ContextJson = JsonSerializer.Serialize(new { key_levels = s.Candidate.KeyLevels.Select(k => new { name = k.Name, price = k.Price }), threshold = s.Threshold }),
        FeaturesJson = JsonSerializer.Serialize(s.Features),
        Status = (int)SignalStatus.Open,
    };
}
