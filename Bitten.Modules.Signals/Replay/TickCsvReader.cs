using System.Text;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams tick CSV files: a header naming the time, bid and ask columns (<c>timestamp</c>/<c>time</c>/<c>ts_ms</c>/
/// <c>gmt time</c>, <c>bid</c>/<c>bidprice</c>, <c>ask</c>/<c>askprice</c>, any order, other columns ignored), or
/// no header and <c>time,bid,ask</c>. Comma, semicolon or tab separated. Times as in <see cref="TickTime"/>.
/// </summary>
internal sealed class TickCsvReader : TickReader
{
    private static readonly string[] TimeNames = ["timestamp", "time", "ts_ms", "ts", "datetime", "date", "gmt time", "local time", "utc"];
    private static readonly string[] BidNames = ["bid", "bidprice", "bid_price"];
    private static readonly string[] AskNames = ["ask", "askprice", "ask_price"];

    private readonly LineReader _lines;
    private readonly SourceClock _clock;
    private byte _separator;
    private int _fields = -1;
    private int _time;
    private int _bid = 1;
    private int _ask = 2;

    public TickCsvReader(string path, SourceClock clock)
        : this(new LineReader(path), clock)
    {
    }

    /// <summary>Reads history already open as <paramref name="lines"/> (a stream, in tests and the fuzzer).</summary>
    public TickCsvReader(LineReader lines, SourceClock clock)
    {
        _lines = lines;
        _clock = clock;
    }

    public override string File => _lines.File;

    public override long Length => _lines.Length;

    public override long Position => _lines.Position;

    /// <summary>Whether a first line is a tick CSV header (it names bid and ask).</summary>
    public static bool Recognises(ReadOnlySpan<byte> line)
    {
        var text = Encoding.ASCII.GetString(line).ToLowerInvariant();
        return text.Contains("bid", StringComparison.Ordinal) && text.Contains("ask", StringComparison.Ordinal);
    }

    public override bool TryRead(out HistoricalTick tick)
    {
        ReadOnlySpan<byte> line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                tick = default;
                return false;
            }
        }
        while (line.IsEmpty || (_fields < 0 && Header(line)));

        if (_fields < 0)
        {
            _separator = Separator(line);
            _fields = FieldCursor.Count(line, _separator);
            if (_fields < 3)
            {
                throw _lines.Error(1, $"expected at least 3 fields (time, bid, ask), found {_fields}");
            }
        }

        if (_fields == 3 && _time == 0 && _bid == 1 && _ask == 2 && TryReadPlain(line, _separator, out tick) && Problem(tick, out _) is null)
        {
            return true;
        }

        var count = FieldCursor.Count(line, _separator);
        if (count != _fields)
        {
            throw _lines.Error(1, $"expected {_fields} fields as on the first line, found {count}");
        }

        var cursor = new FieldCursor(line, _separator);
        long ts = -1;
        double bid = 0, ask = 0;
        int timeColumn = 1, bidColumn = 1, askColumn = 1;
        for (var f = 0; f < _fields; f++)
        {
            cursor.Next(out var text);
            if (f == _time)
            {
                timeColumn = cursor.Column;
                ts = TickTime.Parse(text, _clock);
                if (ts < 0)
                {
                    throw _lines.Error(cursor.Column, $"'{Encoding.UTF8.GetString(text)}' is not a time (epoch ms or yyyy-MM-dd HH:mm:ss[.fff])");
                }
            }
            else if (f == _bid || f == _ask)
            {
                if (!AsciiNumbers.TryParseDouble(text, out var price))
                {
                    throw _lines.Error(cursor.Column, $"'{Encoding.UTF8.GetString(text)}' is not a number");
                }

                if (f == _bid)
                {
                    bid = price;
                    bidColumn = cursor.Column;
                }
                else
                {
                    ask = price;
                    askColumn = cursor.Column;
                }
            }
        }

        tick = new HistoricalTick(ts, bid, ask);
        if (Problem(tick, out var field) is { } problem)
        {
            throw _lines.Error(field switch { TickField.Time => timeColumn, TickField.Bid => bidColumn, _ => askColumn }, problem);
        }

        return true;
    }

    /// <summary>
    /// The common line in one pass, with no field cursor: <c>epoch-ms,price,price</c>, digits and at most one point
    /// in each price, no sign, spaces or exponent. Gives exactly what the general path gives for such a line (the same
    /// integer and the same <see cref="AsciiNumbers.TryParseDouble"/> arithmetic); false for anything else, which the
    /// general path then reads — and names, when it is wrong, with its column.
    /// </summary>
    private static bool TryReadPlain(ReadOnlySpan<byte> line, byte separator, out HistoricalTick tick)
    {
        tick = default;
        var i = 0;
        long ts = 0;
        for (; i < line.Length; i++)
        {
            var d = (uint)(line[i] - '0');
            if (d > 9)
            {
                break;
            }

            ts = (ts * 10) + d;
        }

        // As AsciiNumbers.TryParseLong: 1 to 18 digits; as TickTime.Parse: no later than the calendar's end.
        if (i is 0 or > 18 || i >= line.Length || line[i] != separator || ts > BarReader.MaxUtcMs)
        {
            return false;
        }

        i++;
        if (!AsciiNumbers.TryParsePlain(line, ref i, separator, out var bid) || i >= line.Length || line[i] != separator)
        {
            return false;
        }

        i++;
        if (!AsciiNumbers.TryParsePlain(line, ref i, separator, out var ask) || i != line.Length)
        {
            return false;
        }

        tick = new HistoricalTick(ts, bid, ask);
        return true;
    }

    private bool Header(ReadOnlySpan<byte> line)
    {
        if (line[0] is >= (byte)'0' and <= (byte)'9')
        {
            return false;
        }

        if (_lines.LineNumber != 1)
        {
            throw _lines.Error(1, "expected a tick line starting with its time");
        }

        _separator = Separator(line);
        var names = Encoding.ASCII.GetString(line).ToLowerInvariant().Split((char)_separator).Select(n => n.Trim().Trim('"')).ToArray();
        _time = Array.FindIndex(names, n => TimeNames.Contains(n));
        _bid = Array.FindIndex(names, n => BidNames.Contains(n));
        _ask = Array.FindIndex(names, n => AskNames.Contains(n));
        if (_time < 0 || _bid < 0 || _ask < 0)
        {
            throw _lines.Error(1, $"the header must name a time column ({string.Join("/", TimeNames)}), a bid and an ask column; found '{string.Join(",", names)}'");
        }

        _fields = names.Length;
        return true;
    }

    private static byte Separator(ReadOnlySpan<byte> line) =>
        line.Contains((byte)'\t') ? (byte)'\t' : line.Contains((byte)',') ? (byte)',' : (byte)';';

    public override void Dispose() => _lines.Dispose();
}
