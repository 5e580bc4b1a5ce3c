using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Simulator.Broker;

namespace Bitten.Simulator.Protocol;

/// <summary>
/// Reads server → EA commands. A malformed message comes back as <see cref="ServerCommandType.Unknown"/>
/// with an error naming the field, never as an exception. A fire's <c>broker_symbol</c> (EURUSD.sim) is
/// mapped back to the canonical name by removing the configured suffix.
/// </summary>
internal static class CommandReader
{
    public static ServerCommand Read(ReadOnlySpan<byte> json, string brokerSuffix)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Bad("the message must be a JSON object");
            }

            var type = String(root, "type") ?? throw new FormatException("type is required");
            return type.ToLowerInvariant() switch
            {
                "hello_ack" => new ServerCommand(ServerCommandType.HelloAck, Ok: root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True, Error: String(root, "error")),
                "fire" => ReadFire(root, brokerSuffix),
                "close" => new ServerCommand(ServerCommandType.Close, FireId: String(root, "fire_id"), Position: Long(root, "position"), Volume: Decimal(root, "volume"), CommandId: String(root, "command_id")),
                "modify" => new ServerCommand(ServerCommandType.Modify, FireId: String(root, "fire_id"), Position: Long(root, "position"),
                    Sl: Decimal(root, "sl") ?? throw new FormatException("sl is required"), Tp: Decimal(root, "tp") ?? throw new FormatException("tp is required"),
                    CommandId: String(root, "command_id")),
                "close_all" => new ServerCommand(ServerCommandType.CloseAll),
                "ping" => new ServerCommand(ServerCommandType.Ping, PingId: String(root, "ping_id") ?? (root.TryGetProperty("ping_id", out var id) ? id.GetRawText() : throw new FormatException("ping_id is required"))),
                _ => Bad($"unknown type '{type}'"),
            };
        }
        catch (JsonException ex)
        {
            return Bad("malformed JSON: " + ex.Message);
        }
        catch (FormatException ex)
        {
            return Bad(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Bad(ex.Message);
        }
    }

    private static ServerCommand ReadFire(JsonElement root, string brokerSuffix)
    {
        var fireId = String(root, "fire_id") ?? throw new FormatException("fire_id is required");
        var symbol = String(root, "symbol");
        var broker = String(root, "broker_symbol");
        if (broker is not null && brokerSuffix.Length > 0 && broker.EndsWith(brokerSuffix, StringComparison.Ordinal))
        {
            symbol ??= broker[..^brokerSuffix.Length];
        }

        symbol = (symbol ?? broker ?? throw new FormatException("symbol is required")).ToUpperInvariant();
        var side = (String(root, "side") ?? throw new FormatException("side is required")).ToUpperInvariant() switch
        {
            "BUY" => Side.Buy,
            "SELL" => Side.Sell,
            var other => throw new FormatException($"side '{other}' is not BUY or SELL"),
        };
        var order = new FireOrder(
            fireId,
            symbol,
            side,
            Decimal(root, "volume") ?? throw new FormatException("volume is required"),
            Decimal(root, "sl") ?? 0m, // absent: the broker rejects the fire (never trades without a stop)
            Decimal(root, "tp") ?? 0m,
            (int)(Long(root, "max_deviation_points")),
            Long(root, "expires_ts_ms"),
            String(root, "comment"));
        return new ServerCommand(ServerCommandType.Fire, Fire: order, FireId: fireId);
    }

    private static ServerCommand Bad(string error) => new(ServerCommandType.Unknown, Error: error);

    private static string? String(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"{name} must be a string");

    private static decimal? Decimal(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : throw new FormatException($"{name} must be a number");

    private static long Long(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? 0
            : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : throw new FormatException($"{name} must be an integer");
}
