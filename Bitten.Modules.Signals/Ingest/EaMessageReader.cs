using System.Text;
using System.Text.Json;
using Bitten.Modules.Signals.Market;

namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// Reads one feed message (UTF-8 JSON) with <see cref="Utf8JsonReader"/>. Ticks — protocol v1
/// <c>{type:"tick", ea_id, ea_token, symbol, bid, ask, ts_ms}</c> and the original EA's
/// <c>{"type":"TICK", ..., "time":"YYYY.MM.DD HH:MM:SS.fff"}</c> — are read without allocating:
/// the symbol is matched by its bytes and the credentials are copied into reusable buffers.
/// Other types are only classified here; <see cref="EaFeedDocuments"/> reads them.
/// One instance per reading thread: it is not thread-safe.
/// </summary>
internal sealed class EaMessageReader(SymbolCatalog symbols, BrokerOffsets offsets)
{
    private const int MaxEaIdChars = 64;
    private const int MaxTokenChars = 256;

    private readonly char[] _eaId = new char[MaxEaIdChars];
    private readonly char[] _eaToken = new char[MaxTokenChars];
    private readonly byte[] _scratch = new byte[64];
    private readonly byte[] _time = new byte[32];
    private int _eaIdLength;
    private int _eaTokenLength;

    public EaMessageType Type { get; private set; }

    public ReadOnlySpan<char> EaId => _eaId.AsSpan(0, _eaIdLength);

    public ReadOnlySpan<char> EaToken => _eaToken.AsSpan(0, _eaTokenLength);

    public bool HasCredentials => _eaIdLength > 0 && _eaTokenLength > 0;

    /// <summary>The tick read by the last successful <see cref="Read"/> of a tick message.</summary>
    public TickEvent Tick { get; private set; }

    /// <summary>For a rejected message: the symbol name that was not recognised (allocates; diagnostics only).</summary>
    public string? LastUnknownSymbol { get; private set; }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // hot path: see docs/signals-live-path.md (tiering)
    public IngestRejectReason Read(ReadOnlySpan<byte> json, long receivedTicks)
    {
        Type = EaMessageType.Unknown;
        _eaIdLength = 0;
        _eaTokenLength = 0;
        var symbolIndex = -1;
        double bid = double.NaN, ask = double.NaN;
        long tsMs = 0;
        var timeLength = 0;
        var sawSymbol = false;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return IngestRejectReason.MalformedJson;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return IngestRejectReason.WrongType;
                    }

                    Type = Classify(Value(ref reader));
                }
                else if (reader.ValueTextEquals("ea_id"u8))
                {
                    if (!ReadString(ref reader, _eaId, out _eaIdLength))
                    {
                        return IngestRejectReason.WrongType;
                    }
                }
                else if (reader.ValueTextEquals("ea_token"u8))
                {
                    if (!ReadString(ref reader, _eaToken, out _eaTokenLength))
                    {
                        return IngestRejectReason.WrongType;
                    }
                }
                else if (reader.ValueTextEquals("symbol"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return IngestRejectReason.WrongType;
                    }

                    sawSymbol = true;
                    var name = Value(ref reader);
                    symbolIndex = symbols.IndexOf(name);
                    LastUnknownSymbol = symbolIndex < 0 ? Encoding.UTF8.GetString(name) : null;
                }
                else if (reader.ValueTextEquals("bid"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out bid))
                    {
                        return IngestRejectReason.WrongType;
                    }
                }
                else if (reader.ValueTextEquals("ask"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out ask))
                    {
                        return IngestRejectReason.WrongType;
                    }
                }
                else if (reader.ValueTextEquals("ts_ms"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
                    {
                        return IngestRejectReason.WrongType;
                    }

                    if (!reader.TryGetInt64(out tsMs))
                    {
                        tsMs = reader.TryGetDouble(out var d) && double.IsFinite(d) ? (long)d : -1;
                    }
                }
                else if (reader.ValueTextEquals("time"u8) || reader.ValueTextEquals("timestamp"u8))
                {
                    if (!reader.Read() || reader.TokenType != JsonTokenType.String)
                    {
                        return IngestRejectReason.WrongType;
                    }

                    var text = Value(ref reader);
                    timeLength = Math.Min(text.Length, _time.Length);
                    text[..timeLength].CopyTo(_time);
                }
                else
                {
                    // Unknown fields are ignored (PROTOCOL): skip the value, nested or not.
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                return IngestRejectReason.MalformedJson;
            }
        }
        catch (JsonException)
        {
            return IngestRejectReason.MalformedJson;
        }
        catch (InvalidOperationException)
        {
            // a name or string that is not valid UTF-8, or escapes a lone surrogate: the reader validates those only when decoding
            return IngestRejectReason.MalformedJson;
        }

        if (Type == EaMessageType.Unknown)
        {
            return IngestRejectReason.UnknownMessageType;
        }

        if (Type != EaMessageType.Tick)
        {
            return IngestRejectReason.None;
        }

        if (!sawSymbol || double.IsNaN(bid) || double.IsNaN(ask) || (tsMs == 0 && timeLength == 0))
        {
            return IngestRejectReason.MissingField;
        }

        if (symbolIndex < 0)
        {
            return IngestRejectReason.UnknownSymbol;
        }

        if (!double.IsFinite(bid) || !double.IsFinite(ask) || bid <= 0 || ask <= 0)
        {
            return IngestRejectReason.BadPrice;
        }

        if (ask < bid)
        {
            return IngestRejectReason.AskBelowBid;
        }

        if (tsMs == 0 && !BrokerTime.TryParseToUtcMs(_time.AsSpan(0, timeLength), offsets.SecondsFor(EaId), out tsMs))
        {
            return IngestRejectReason.BadTimestamp;
        }

        if (tsMs <= 946_684_800_000L || tsMs >= 4_102_444_800_000L)
        {
            return IngestRejectReason.BadTimestamp; // outside 2000..2100: a unit error, not a price
        }

        Tick = new TickEvent(symbolIndex, bid, ask, tsMs, receivedTicks);
        return IngestRejectReason.None;
    }

    private static EaMessageType Classify(ReadOnlySpan<byte> type) =>
        Ascii.EqualsIgnoreCase(type, "tick"u8) ? EaMessageType.Tick :
        Ascii.EqualsIgnoreCase(type, "heartbeat"u8) ? EaMessageType.Heartbeat :
        Ascii.EqualsIgnoreCase(type, "bar"u8) ? EaMessageType.Bar :
        Ascii.EqualsIgnoreCase(type, "symbols"u8) ? EaMessageType.Symbols :
        Ascii.EqualsIgnoreCase(type, "disconnect"u8) ? EaMessageType.Disconnect :
        EaMessageType.Unknown;

    private ReadOnlySpan<byte> Value(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (reader.ValueSpan.Length > _scratch.Length)
        {
            return reader.ValueSpan; // too long to be a symbol or a type: it will not match
        }

        var written = reader.CopyString(_scratch);
        return _scratch.AsSpan(0, written);
    }

    private static bool ReadString(ref Utf8JsonReader reader, char[] buffer, out int length)
    {
        length = 0;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > buffer.Length)
        {
            return false;
        }

        length = reader.CopyString(buffer);
        return true;
    }
}
