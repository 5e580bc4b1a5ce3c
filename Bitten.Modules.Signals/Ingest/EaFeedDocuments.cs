using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// Reads the feed's less frequent messages (heartbeat, symbols, bar, disconnect) into records.
/// These allocate; they arrive every few seconds, not thousands of times a second. Every problem
/// comes back as a reason and a message that names the field, never as an exception.
/// </summary>
internal static class EaFeedDocuments
{
    public static FeedParse<EaHeartbeatReceived> Heartbeat(ReadOnlySpan<byte> json, DateTimeOffset receivedAt) =>
        Parse(json, root =>
        {
            var positions = new List<EaPosition>();
            if (root.TryGetProperty("positions", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in list.EnumerateArray())
                {
                    if (p.ValueKind != JsonValueKind.Object)
                    {
                        throw Wrong("positions[]", "an object");
                    }

                    positions.Add(new EaPosition(
                        Long(p, "position"),
                        OptionalString(p, "fire_id"),
                        RequiredString(p, "symbol"),
                        ParseSide(RequiredString(p, "side")),
                        Decimal(p, "volume"),
                        Decimal(p, "open_price"),
                        OptionalDecimal(p, "sl"),
                        OptionalDecimal(p, "tp"),
                        OptionalDecimal(p, "profit") ?? 0m,
                        OptionalLong(p, "open_ts_ms") ?? 0));
                }
            }

            var offset = OptionalLong(root, "broker_utc_offset_s");
            if (offset is < -86_400 or > 86_400)
            {
                throw Wrong("broker_utc_offset_s", "seconds within ±86400"); // an int cast would wrap it to some other offset
            }

            return new EaHeartbeatReceived(
                RequiredString(root, "ea_id"),
                OptionalString(root, "currency") ?? "USD",
                Decimal(root, "balance"),
                Decimal(root, "equity"),
                OptionalDecimal(root, "margin") ?? 0m,
                OptionalDecimal(root, "free_margin") ?? 0m,
                OptionalDecimal(root, "margin_level"),
                (int?)offset,
                positions,
                OptionalLong(root, "ts_ms") ?? receivedAt.ToUnixTimeMilliseconds(),
                receivedAt);
        });

    public static FeedParse<EaSymbolsReported> Symbols(ReadOnlySpan<byte> json, DateTimeOffset receivedAt) =>
        Parse(json, root =>
        {
            if (!root.TryGetProperty("symbols", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FeedFieldException(IngestRejectReason.MissingField, "symbols must be an array");
            }

            if (list.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.Object))
            {
                throw Wrong("symbols[]", "an object");
            }

            var specs = list.EnumerateArray().Select(s => new SymbolSpec(
                RequiredString(s, "symbol").ToUpperInvariant(),
                OptionalString(s, "broker_symbol") ?? RequiredString(s, "symbol"),
                (int)Long(s, "digits"),
                Decimal(s, "point"),
                Decimal(s, "tick_size"),
                Decimal(s, "tick_value"),
                OptionalDecimal(s, "contract_size") ?? 100_000m,
                Decimal(s, "volume_min"),
                Decimal(s, "volume_step"),
                Decimal(s, "volume_max"),
                (int)(OptionalLong(s, "stops_level_points") ?? 0),
                OptionalString(s, "currency_profit") ?? string.Empty,
                (int)(OptionalLong(s, "filling_modes") ?? 0))).ToList();
            return new EaSymbolsReported(RequiredString(root, "ea_id"), specs, receivedAt);
        });

    public static FeedParse<FeedBar> Bar(ReadOnlySpan<byte> json) =>
        Parse(json, root =>
        {
            var tf = RequiredString(root, "tf") switch
            {
                "M1" => Timeframe.M1,
                "M5" => Timeframe.M5,
                "M15" => Timeframe.M15,
                "H1" => Timeframe.H1,
                var other => throw new FeedFieldException(IngestRejectReason.WrongType, $"tf '{other}' is not one of M1, M5, M15, H1"),
            };
            var bar = new FeedBar(
                RequiredString(root, "symbol").ToUpperInvariant(), tf, Long(root, "open_ts_ms"),
                (double)Decimal(root, "open"), (double)Decimal(root, "high"), (double)Decimal(root, "low"), (double)Decimal(root, "close"),
                (int)(OptionalLong(root, "tick_volume") ?? 0));
            if (bar.Low <= 0 || bar.High < bar.Low || bar.Open > bar.High || bar.Open < bar.Low || bar.Close > bar.High || bar.Close < bar.Low)
            {
                throw new FeedFieldException(IngestRejectReason.BadPrice, "bar prices must satisfy 0 < low <= open, close <= high");
            }

            return bar;
        });

    public static FeedParse<EaDisconnected> Disconnect(ReadOnlySpan<byte> json, DateTimeOffset receivedAt) =>
        Parse(json, root => new EaDisconnected(RequiredString(root, "ea_id"), OptionalString(root, "reason"), receivedAt));

    private static FeedParse<T> Parse<T>(ReadOnlySpan<byte> json, Func<JsonElement, T> read)
        where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, IngestRejectReason.MalformedJson, "the message must be a JSON object");
            }

            return new(read(document.RootElement), IngestRejectReason.None, null);
        }
        catch (JsonException ex)
        {
            return new(null, IngestRejectReason.MalformedJson, ex.Message);
        }
        catch (FeedFieldException ex)
        {
            return new(null, ex.Reason, ex.Message);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json validates string contents only when they are decoded
            return new(null, IngestRejectReason.MalformedJson, "a name or string is not valid UTF-8 (or escapes a lone surrogate)");
        }
    }

    private static string RequiredString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Wrong(name, "a string")
            : throw new FeedFieldException(IngestRejectReason.MissingField, $"{name} is required");

    private static string? OptionalString(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString() : throw Wrong(name, "a string");

    private static decimal Decimal(JsonElement e, string name) =>
        OptionalDecimal(e, name) ?? throw new FeedFieldException(IngestRejectReason.MissingField, $"{name} is required");

    private static decimal? OptionalDecimal(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : throw Wrong(name, "a number");

    private static long Long(JsonElement e, string name) =>
        OptionalLong(e, name) ?? throw new FeedFieldException(IngestRejectReason.MissingField, $"{name} is required");

    private static long? OptionalLong(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l))
        {
            return l;
        }

        throw Wrong(name, "an integer");
    }

    private static Side ParseSide(string side) => side.ToUpperInvariant() switch
    {
        "BUY" => Side.Buy,
        "SELL" => Side.Sell,
        _ => throw new FeedFieldException(IngestRejectReason.WrongType, $"side '{side}' is not BUY or SELL"),
    };

    private static FeedFieldException Wrong(string name, string expected) => new(IngestRejectReason.WrongType, $"{name} must be {expected}");

    private sealed class FeedFieldException(IngestRejectReason reason, string message) : Exception(message)
    {
        public IngestRejectReason Reason { get; } = reason;
    }
}

/// <summary>A parsed feed message, or why it was rejected (with a message naming the field).</summary>
internal readonly record struct FeedParse<T>(T? Value, IngestRejectReason Reason, string? Error)
    where T : class;

/// <summary>A bar an EA reported (used only to fill gaps in the server's own bars).</summary>
internal sealed record FeedBar(string Symbol, Timeframe Timeframe, long OpenTsMs, double Open, double High, double Low, double Close, int TickVolume);
