using System.Text;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams MetaTrader bar exports in broker time, converted with the given clock: MT4's History Center
/// (<c>yyyy.MM.dd,HH:mm,o,h,l,c,vol</c>), MT5's export (tab-separated, <c>&lt;DATE&gt; &lt;TIME&gt; &lt;OPEN&gt; …
/// &lt;SPREAD&gt;</c>) and the common variants (date and time in one field, <c>-</c> or <c>/</c> in dates,
/// a header line or none). Any timeframe; a <c>SPREAD</c> column (points) becomes the bar's spread.
/// Every line must have as many fields as the first.
/// </summary>
internal sealed class MetaTraderReader : BarReader
{
    private readonly LineReader _lines;
    private readonly SourceClock _clock;
    private readonly double _point;
    private byte _separator;
    private int _fields = -1;
    private int _spreadField = -1;
    private bool _separateTime;

    public MetaTraderReader(string path, SourceClock clock, int digits = 5)
        : this(new LineReader(path), clock, digits)
    {
    }

    /// <summary>Reads history already open as <paramref name="lines"/> (a stream, in tests and the fuzzer).</summary>
    public MetaTraderReader(LineReader lines, SourceClock clock, int digits = 5)
    {
        _lines = lines;
        _clock = clock;
        _point = Math.Pow(10, -digits);
    }

    public override string File => _lines.File;

    public override long Length => _lines.Length;

    public override long Position => _lines.Position;

    /// <summary>Whether a first line looks like a MetaTrader export (a header naming DATE/TIME and OPEN, or <c>yyyy.MM.dd</c> then fields).</summary>
    public static bool Recognises(ReadOnlySpan<byte> line)
    {
        var upper = Encoding.ASCII.GetString(line).ToUpperInvariant();
        if ((upper.Contains("DATE", StringComparison.Ordinal) || upper.Contains("TIME", StringComparison.Ordinal)) && upper.Contains("OPEN", StringComparison.Ordinal))
        {
            return true;
        }

        return line.Length > 12 && AsciiNumbers.Digits(line, 0, 4) >= 0 && line[4] is (byte)'.' or (byte)'-' or (byte)'/' && line.IndexOfAny("\t,;"u8) > 0;
    }

    public override bool TryRead(out HistoricalBar bar)
    {
        ReadOnlySpan<byte> line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                bar = default;
                return false;
            }
        }
        while (line.IsEmpty || (_fields < 0 && Header(line)));

        if (_fields < 0)
        {
            Layout(line);
        }

        var count = FieldCursor.Count(line, _separator);
        if (count != _fields)
        {
            throw _lines.Error(1, $"expected {_fields} '{Describe(_separator)}'-separated fields as on the first bar, found {count}");
        }

        var cursor = new FieldCursor(line, _separator);
        cursor.Next(out var date);
        var local = Date(date, out var rest);
        if (local < 0)
        {
            throw _lines.Error(1, $"'{Text(date)}' is not a date in the form yyyy.MM.dd[ HH:mm[:ss]]");
        }

        var timeColumn = 1;
        if (_separateTime)
        {
            cursor.Next(out var time);
            timeColumn = cursor.Column;
            var ms = TimeOfDay(time);
            if (ms < 0)
            {
                throw _lines.Error(cursor.Column, $"'{Text(time)}' is not a time in the form HH:mm[:ss]");
            }

            local += ms;
        }
        else if (!rest.IsEmpty)
        {
            var ms = TimeOfDay(rest);
            if (ms < 0)
            {
                throw _lines.Error(1, $"'{Text(date)}' is not a date in the form yyyy.MM.dd[ HH:mm[:ss]]");
            }

            local += ms;
        }

        Span<double> values = stackalloc double[5];
        var priceColumn = 0;
        var spread = double.NaN;
        var first = _separateTime ? 2 : 1;
        for (var f = first; f < _fields; f++)
        {
            cursor.Next(out var text);
            var i = f - first;
            if (i > 4 && f != _spreadField)
            {
                continue; // real volume and other trailing columns are not used
            }

            if (!AsciiNumbers.TryParseDouble(text, out var value))
            {
                throw _lines.Error(cursor.Column, $"'{Text(text)}' is not a number");
            }

            priceColumn = i == 0 ? cursor.Column : priceColumn;
            if (i <= 4)
            {
                values[i] = value;
            }

            if (f == _spreadField)
            {
                spread = value * _point;
            }
        }

        bar = new HistoricalBar(_clock.ToUtcMs(local), values[0], values[1], values[2], values[3], _fields - first > 4 ? values[4] : 0, spread);
        if (Problem(bar, out var inTime) is { } problem)
        {
            throw _lines.Error(inTime ? timeColumn : priceColumn, problem);
        }

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
            throw _lines.Error(1, "expected a bar line starting with a date (yyyy.MM.dd)");
        }

        _separator = Separator(line);
        var names = Encoding.ASCII.GetString(line).ToUpperInvariant().Replace("<", string.Empty, StringComparison.Ordinal).Replace(">", string.Empty, StringComparison.Ordinal)
            .Split((char)_separator).Select(n => n.Trim()).ToArray();
        _spreadField = Array.IndexOf(names, "SPREAD");
        return true;
    }

    private void Layout(ReadOnlySpan<byte> line)
    {
        if (_separator == 0)
        {
            _separator = Separator(line);
        }

        _fields = FieldCursor.Count(line, _separator);
        var first = line.IndexOf(_separator);
        _separateTime = first == 10; // the date alone: the time is the next field
        var minimum = _separateTime ? 6 : 5;
        if (_fields < minimum)
        {
            throw _lines.Error(1, $"expected at least {minimum} '{Describe(_separator)}'-separated fields (date{(_separateTime ? ", time" : string.Empty)}, open, high, low, close), found {_fields}");
        }

        if (_spreadField >= _fields)
        {
            _spreadField = -1;
        }
    }

    private static byte Separator(ReadOnlySpan<byte> line) =>
        line.Contains((byte)'\t') ? (byte)'\t' : line.Contains((byte)',') ? (byte)',' : (byte)';';

    private static string Describe(byte separator) => separator == (byte)'\t' ? "tab" : ((char)separator).ToString();

    /// <summary>Local midnight of <c>yyyy.MM.dd</c> in ms; <paramref name="rest"/> is what follows a space (a time), if anything.</summary>
    private static long Date(ReadOnlySpan<byte> field, out ReadOnlySpan<byte> rest)
    {
        rest = default;
        if (field.Length < 10 || field[4] is not ((byte)'.' or (byte)'-' or (byte)'/') || field[7] != field[4])
        {
            return -1;
        }

        if (field.Length > 10)
        {
            if (field[10] is not ((byte)' ' or (byte)'T'))
            {
                return -1;
            }

            rest = field[11..];
        }

        return AsciiNumbers.EpochMs(AsciiNumbers.Digits(field, 0, 4), AsciiNumbers.Digits(field, 5, 2), AsciiNumbers.Digits(field, 8, 2), 0, 0, 0);
    }

    /// <summary><c>HH:mm</c> or <c>HH:mm:ss</c> as ms since midnight; -1 when not.</summary>
    private static long TimeOfDay(ReadOnlySpan<byte> text)
    {
        if (text.Length is not (5 or 8) || text[2] != (byte)':' || (text.Length == 8 && text[5] != (byte)':'))
        {
            return -1;
        }

        var h = AsciiNumbers.Digits(text, 0, 2);
        var m = AsciiNumbers.Digits(text, 3, 2);
        var s = text.Length == 8 ? AsciiNumbers.Digits(text, 6, 2) : 0;
        return h is < 0 or > 23 || m is < 0 or > 59 || s is < 0 or > 59 ? -1 : ((((h * 60L) + m) * 60) + s) * 1000;
    }

    public override void Dispose() => _lines.Dispose();
}
