using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Modules.Execution.Fires;

namespace Bitten.Modules.Execution.Wire;

/// <summary>Server → EA messages on the command socket (PROTOCOL "Server → EA").</summary>
internal static class EaCommands
{
    public static byte[] HelloAck(long serverTimeMs) => JsonSerializer.SerializeToUtf8Bytes(new { type = "hello_ack", ok = true, server_time_ms = serverTimeMs, protocol = 1 });

    public static byte[] HelloRefused(string error) => JsonSerializer.SerializeToUtf8Bytes(new { type = "hello_ack", ok = false, error });

    public static byte[] Fire(FireRecord fire, int maxDeviationPoints) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        type = "fire",
        v = 1,
        fire_id = fire.FireId,
        symbol = fire.Symbol,
        broker_symbol = fire.BrokerSymbol,
        side = (Side)fire.Side == Side.Buy ? "BUY" : "SELL",
        volume = fire.Volume,
        sl = fire.StopLoss,
        tp = fire.TakeProfit,
        max_deviation_points = maxDeviationPoints,
        expires_ts_ms = fire.ExpiresAtMs,
        comment = "BITTEN " + fire.FireId,
    });

    public static byte[] Close(string fireId, long position) => JsonSerializer.SerializeToUtf8Bytes(new { type = "close", fire_id = fireId, position });

    /// <summary>A partial close; <c>command_id</c> lets an EA that remembers it ignore a re-send (unknown fields are ignored by others).</summary>
    public static byte[] PartialClose(string fireId, long position, decimal volume, string commandId) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type = "close", fire_id = fireId, position, volume, command_id = commandId });

    public static byte[] Modify(string fireId, long position, decimal sl, decimal tp, string commandId) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type = "modify", fire_id = fireId, position, sl, tp, command_id = commandId });

    public static byte[] CloseAll() => JsonSerializer.SerializeToUtf8Bytes(new { type = "close_all" });

    public static byte[] Ping(string pingId) => JsonSerializer.SerializeToUtf8Bytes(new { type = "ping", ping_id = pingId });
}
