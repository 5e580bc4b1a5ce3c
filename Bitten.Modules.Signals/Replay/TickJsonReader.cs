using System.Text;
using System.Text.Json;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams a JSON array of ticks through <see cref="Utf8JsonReader"/> over a reused buffer (never the whole
/// file): each element is either Dukascopy's array <c>[timestamp, ask, bid, askVolume, bidVolume]</c> or an
/// object with <c>timestamp</c>/<c>ts_ms</c>/<c>time</c>, <c>bid</c> and <c>ask</c>. Times as in <see cref="TickTime"/>.
/// </summary>
internal sealed class TickJsonReader : TickReader
{
    private readonly Stream _stream;
    private readonly SourceClock _clock;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private long _base;
    private bool _final;
    private bool _started;
    private bool _done;
    private JsonReaderState _state;

    public TickJsonReader(string path, SourceClock clock)
        : this(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan), Path.GetFileName(path), clock)
    {
    }

    /// <summary>Reads a seekable <paramref name="stream"/> (owned: disposed with the reader); <paramref name="name"/> is what errors show.</summary>
    public TickJsonReader(Stream stream, string name, SourceClock clock)
    {
        File = name;
        _stream = stream;
        Length = _stream.Length;
        _clock = clock;
    }

    public override string File { get; }

    public override long Length { get; }

    public override long Position => _base + _start;

    public override bool TryRead(out HistoricalTick tick)
    {
        tick = default;
        while (!_done)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            bool complete;
            try
            {
                complete = Element(ref reader, out tick, out var found);
                if (complete)
                {
                    _start += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    if (found)
                    {
                        return true;
                    }

                    continue;
                }
            }
            catch (JsonException ex)
            {
                var (line, column) = Locate(_base + _start + reader.BytesConsumed);
                throw new HistoryFormatException(File, line, column, "not valid JSON: " + ex.Message.Split(" LineNumber", 2)[0].TrimEnd('.', ' '));
            }

            if (_final)
            {
                var (line, column) = Locate(Length);
                throw new HistoryFormatException(File, line, column, "the file ends inside the tick array (truncated?)");
            }

            Fill();
        }

        return false;
    }

    /// <summary>Reads one complete element (or the array's start/end); false when the buffer holds only part of it.</summary>
    private bool Element(ref Utf8JsonReader reader, out HistoricalTick tick, out bool found)
    {
        tick = default;
        found = false;
        if (!reader.Read())
        {
            return false;
        }

        if (!_started)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw Error(reader, "expected a JSON array of ticks ('[')");
            }

            _started = true;
            return true;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.EndArray:
                _done = true;
                return true;
            case JsonTokenType.StartArray:
                return Row(ref reader, out tick, out found);
            case JsonTokenType.StartObject:
                return Object(ref reader, out tick, out found);
            default:
                throw Error(reader, "expected a tick: [timestamp, ask, bid, …] or {\"timestamp\", \"bid\", \"ask\"}");
        }
    }

    private bool Row(ref Utf8JsonReader reader, out HistoricalTick tick, out bool found)
    {
        tick = default;
        found = false;
        long ts = -1;
        double ask = 0, bid = 0;
        var index = 0;
        Span<long> offsets = stackalloc long[3];
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (index < 3)
            {
                offsets[index] = reader.TokenStartIndex;
                if (index == 0)
                {
                    ts = Time(ref reader);
                }
                else if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var price))
                {
                    throw Error(reader, $"element {index + 1} ({(index == 1 ? "ask" : "bid")}) must be a number");
                }
                else if (index == 1)
                {
                    ask = price;
                }
                else
                {
                    bid = price;
                }
            }
            else if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                throw Error(reader, "a tick row holds numbers only");
            }

            index++;
        }

        if (index < 3)
        {
            throw Error(reader, $"a tick row needs at least 3 elements [timestamp, ask, bid], found {index}");
        }

        tick = new HistoricalTick(ts, bid, ask);
        if (Problem(tick, out var field) is { } problem)
        {
            throw Error(offsets[field switch { TickField.Time => 0, TickField.Ask => 1, _ => 2 }], problem);
        }

        found = true;
        return true;
    }

    private bool Object(ref Utf8JsonReader reader, out HistoricalTick tick, out bool found)
    {
        tick = default;
        found = false;
        long ts = -1;
        double bid = double.NaN, ask = double.NaN;
        var start = reader.TokenStartIndex;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = reader.ValueSpan;
            var key = name.SequenceEqual("bid"u8) ? 1 : name.SequenceEqual("ask"u8) ? 2
                : name.SequenceEqual("timestamp"u8) || name.SequenceEqual("ts_ms"u8) || name.SequenceEqual("ts"u8) || name.SequenceEqual("time"u8) ? 0 : -1;
            if (!reader.Read())
            {
                return false;
            }

            switch (key)
            {
                case 0:
                    ts = Time(ref reader);
                    break;
                case 1 or 2:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var price))
                    {
                        throw Error(reader, $"'{(key == 1 ? "bid" : "ask")}' must be a number");
                    }

                    if (key == 1)
                    {
                        bid = price;
                    }
                    else
                    {
                        ask = price;
                    }

                    break;
                default:
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }
        }

        if (ts < 0 || double.IsNaN(bid) || double.IsNaN(ask))
        {
            throw Error(start, "a tick object needs \"timestamp\" (or \"ts_ms\"/\"time\"), \"bid\" and \"ask\"");
        }

        tick = new HistoricalTick(ts, bid, ask);
        if (Problem(tick, out _) is { } problem)
        {
            throw Error(start, problem);
        }

        found = true;
        return true;
    }

    private long Time(ref Utf8JsonReader reader)
    {
        long ts;
        if (reader.TokenType == JsonTokenType.Number)
        {
            ts = reader.TryGetInt64(out var ms) ? ms : reader.TryGetDouble(out var d) && d >= 0 && d < 1e15 ? (long)d : -1;
        }
        else if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped)
        {
            ts = TickTime.Parse(reader.ValueSpan, _clock);
        }
        else
        {
            ts = -1;
        }

        return ts is >= 0 and <= BarReader.MaxUtcMs ? ts : throw Error(reader, "the timestamp must be epoch milliseconds or a time string yyyy-MM-dd HH:mm:ss[.fff]");
    }

    private HistoryFormatException Error(in Utf8JsonReader reader, string problem) => Error(reader.TokenStartIndex, problem);

    private HistoryFormatException Error(long tokenStart, string problem)
    {
        var (line, column) = Locate(_base + _start + tokenStart);
        return new HistoryFormatException(File, line, column, problem);
    }

    /// <summary>Line and column of an absolute byte offset (errors only: reads the stream again up to it, then returns to where it was).</summary>
    private (long Line, int Column) Locate(long offset)
    {
        var resume = _stream.Position;
        _stream.Position = 0;
        var buffer = new byte[1 << 16];
        long line = 1, lineStart = 0, position = 0;
        while (position < offset)
        {
            var read = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, offset - position));
            if (read == 0)
            {
                break;
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    line++;
                    lineStart = position + i + 1;
                }
            }

            position += read;
        }

        _stream.Position = resume;
        return (line, (int)(offset - lineStart) + 1);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _base += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _final = read == 0;
        _end += read;
    }

    public override void Dispose() => _stream.Dispose();

    internal static string Describe(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text);
}
