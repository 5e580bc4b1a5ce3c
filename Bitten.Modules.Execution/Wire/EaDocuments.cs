using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Registry;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Reads hello and heartbeat documents (PROTOCOL, and the original EA's upper-case <c>HEARTBEAT</c>).</summary>
internal static class EaDocuments
{
    public static EaHello Hello(JsonElement e) => new(
        e.Str("account_login"), e.Str("broker") ?? e.Str("server"), e.Str("currency"), e.Dec("balance"), e.Dec("equity"),
        Offset(e));

    public static EaHeartbeatReceived? Heartbeat(JsonElement e, string eaId, DateTimeOffset now)
    {
        var balance = e.Dec("balance") ?? e.Dec("account_balance");
        var equity = e.Dec("equity") ?? e.Dec("account_equity");
        if (balance is null || equity is null)
        {
            return null;
        }

        var positions = new List<EaPosition>();
        if (e.TryGetArray("positions", out var list))
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
            e.Dec("margin_level"), Offset(e), positions, e.Long("ts_ms") ?? now.ToUnixTimeMilliseconds(), now);
    }

    public static EaConfirmation Confirmation(JsonElement e) => new(
        (e.Str("status") ?? string.Empty).ToLowerInvariant(), e.Long("position") ?? e.Long("ticket"), e.Dec("price"), e.Dec("volume"), e.Long("retcode"), e.Str("message"));

    /// <summary>A close report's fields; null with the reject reason and a detail when a required one is missing or the sum overflows.</summary>
    public static EaCloseReport? CloseReport(JsonElement e, out string reason, out string detail)
    {
        reason = detail = string.Empty;
        if (e.Dec("close_price") is not { } closePrice || e.Dec("profit") is not { } profit)
        {
            (reason, detail) = ("missing_field", "close_report needs close_price and profit");
            return null;
        }

        decimal net;
        try
        {
            net = profit + (e.Dec("commission") ?? 0) + (e.Dec("swap") ?? 0);
        }
        catch (OverflowException)
        {
            (reason, detail) = ("bad_value", "profit + commission + swap is out of range");
            return null;
        }

        return new EaCloseReport(e.Long("position"), closePrice, net, Outcomes.ParseReason(e.Str("reason")), e.Long("ts_ms"));
    }

    /// <summary>The broker's UTC offset in seconds; absent when missing or beyond a day (an int cast would wrap it to another offset).</summary>
    private static int? Offset(JsonElement e) => e.Long("broker_utc_offset_s") is { } s and >= -86_400 and <= 86_400 ? (int)s : null;

    public static Side ParseSide(string? side) => side?.ToUpperInvariant() switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => Side.Unknown,
    };
}
