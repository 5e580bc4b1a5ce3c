using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Registry;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Reads hello and heartbeat documents (PROTOCOL, and the original EA's upper-case <c>HEARTBEAT</c>).</summary>
internal static class EaDocuments
{
    public static EaHello Hello(JsonElement e) => new(
        e.Str("account_login"), e.Str("broker") ?? e.Str("server"), e.Str("currency"), e.Dec("balance"), e.Dec("equity"),
        (int?)e.Long("broker_utc_offset_s"));

    public static EaHeartbeatReceived? Heartbeat(JsonElement e, string eaId, DateTimeOffset now)
    {
        var balance = e.Dec("balance") ?? e.Dec("account_balance");
        var equity = e.Dec("equity") ?? e.Dec("account_equity");
        if (balance is null || equity is null)
        {
            return null;
        }

        var positions = new List<EaPosition>();
        if (e.TryGetProperty("positions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var p in list.EnumerateArray())
            {
                if (p.ValueKind != JsonValueKind.Object || p.Long("position") is not { } ticket)
                {
                    continue;
                }

                positions.Add(new EaPosition(ticket, p.Str("fire_id"), p.Str("symbol") ?? string.Empty, ParseSide(p.Str("side") ?? p.Str("type")),
                    p.Dec("volume") ?? 0, p.Dec("open_price") ?? 0, p.Dec("sl"), p.Dec("tp"), p.Dec("profit") ?? 0, p.Long("open_ts_ms") ?? 0));
            }
        }

        return new EaHeartbeatReceived(eaId, e.Str("currency") ?? string.Empty, balance.Value, equity.Value, e.Dec("margin") ?? 0, e.Dec("free_margin") ?? 0,
            e.Dec("margin_level"), (int?)e.Long("broker_utc_offset_s"), positions, e.Long("ts_ms") ?? now.ToUnixTimeMilliseconds(), now);
    }

    public static Side ParseSide(string? side) => side?.ToUpperInvariant() switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => Side.Unknown,
    };
}
