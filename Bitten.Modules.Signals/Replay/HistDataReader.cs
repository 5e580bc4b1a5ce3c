namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams HistData.com ASCII M1 files (<c>yyyyMMdd HHmmss;open;high;low;close;volume</c>), whose clock is
/// EST without daylight saving (fixed UTC−5 unless another clock is given), line by line from one reused
/// buffer — never the whole file in memory, no allocation per bar. Every problem names the file, line
/// and column; time must strictly increase.
/// </summary>
internal sealed class HistDataReader : BarReader
{
    private readonly LineReader _lines;
    private readonly SourceClock _clock;

    public HistDataReader(string path, SourceClock? clock = null)
        : this(new LineReader(path), clock)
    {
    }

    /// <summary>Reads history already open as <paramref name="lines"/> (a stream, in tests and the fuzzer).</summary>
    public HistDataReader(LineReader lines, SourceClock? clock = null)
    {
        _lines = lines;
        _clock = clock ?? SourceClock.HistData;
    }

    // A file holds 1,440 bars a day: the date part (yyyyMMdd) is turned into days once per day, not per line.
    private ulong _dayText;
    private long _dayMs = -1;

    public override string File => _lines.File;

    public override long Length => _lines.Length;

    public override long Position => _lines.Position;

    public override long BarLengthMs => 60_000;

    /// <summary>Whether a first line looks like this format.</summary>
    public static bool Recognises(ReadOnlySpan<byte> line) =>
        line.Length > 16 && line[8] == (byte)' ' && line[15] == (byte)';' && AsciiNumbers.Digits(line, 0, 8) >= 0 && AsciiNumbers.Digits(line, 9, 6) >= 0;

    /// <summary>All bars of one file (convenience for tests and tools).</summary>
    public static IEnumerable<HistoricalBar> Read(string path, TimeSpan? utcOffset = null)
    {
        using var reader = new HistDataReader(path, utcOffset is { } o ? SourceClock.Fixed(o) : null);
        while (reader.TryRead(out var bar))
        {
            yield return bar;
        }
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
        while (line.IsEmpty);

        if (TryReadPlain(line, out bar) && Problem(bar, out _) is null)
        {
            return true;
        }

        var count = FieldCursor.Count(line, (byte)';');
        if (count != 6)
        {
            throw _lines.Error(1, $"expected 6 ';'-separated fields (time;open;high;low;close;volume), found {count}");
        }

        var fields = new FieldCursor(line, (byte)';');
        fields.Next(out var time);
        var local = time.Length == 15 && time[8] == (byte)' ' ? LocalMs(time) : -1;
        if (local < 0)
        {
            throw _lines.Error(1, $"'{Text(time)}' is not a time in the form yyyyMMdd HHmmss");
        }

        Span<double> values = stackalloc double[5];
        var priceColumn = 0;
        for (var i = 0; i < 5; i++)
        {
            fields.Next(out var text);
            priceColumn = i == 0 ? fields.Column : priceColumn;
            if (!AsciiNumbers.TryParseDouble(text, out values[i]))
            {
                throw _lines.Error(fields.Column, $"'{Text(text)}' is not a number");
            }
        }

        bar = new HistoricalBar(_clock.ToUtcMs(local), values[0], values[1], values[2], values[3], values[4]);
        if (Problem(bar, out var inTime) is { } problem)
        {
            throw _lines.Error(inTime ? 1 : priceColumn, problem);
        }

        return true;
    }

    /// <summary>
    /// The common line in one pass, with no field cursor: <c>yyyyMMdd HHmmss</c> and five plain numbers
    /// (<see cref="AsciiNumbers.TryParsePlain"/>), giving exactly what the general path gives for it; false for
    /// anything else, which the general path then reads — and names, when it is wrong, with its column.
    /// </summary>
    private bool TryReadPlain(ReadOnlySpan<byte> line, out HistoricalBar bar)
    {
        bar = default;
        if (line.Length < 25 || line[15] != (byte)';' || line[8] != (byte)' ')
        {
            return false;
        }

        var local = LocalMs(line[..15]);
        var i = 16;
        if (local < 0
            || !AsciiNumbers.TryParsePlain(line, ref i, (byte)';', out var open) || ++i >= line.Length
            || !AsciiNumbers.TryParsePlain(line, ref i, (byte)';', out var high) || ++i >= line.Length
            || !AsciiNumbers.TryParsePlain(line, ref i, (byte)';', out var low) || ++i >= line.Length
            || !AsciiNumbers.TryParsePlain(line, ref i, (byte)';', out var close) || ++i >= line.Length
            || !AsciiNumbers.TryParsePlain(line, ref i, (byte)';', out var volume) || i != line.Length)
        {
            return false;
        }

        bar = new HistoricalBar(_clock.ToUtcMs(local), open, high, low, close, volume);
        return true;
    }

    public override void Dispose() => _lines.Dispose();

    private long LocalMs(ReadOnlySpan<byte> time)
    {
        var dayText = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(time);
        if (dayText != _dayText || _dayMs < 0)
        {
            var midnight = AsciiNumbers.EpochMs(AsciiNumbers.Digits(time, 0, 4), AsciiNumbers.Digits(time, 4, 2), AsciiNumbers.Digits(time, 6, 2), 0, 0, 0);
            if (midnight < 0)
            {
                return -1;
            }

            (_dayText, _dayMs) = (dayText, midnight);
        }

        int hour = AsciiNumbers.Digits(time, 9, 2), minute = AsciiNumbers.Digits(time, 11, 2), second = AsciiNumbers.Digits(time, 13, 2);
        return hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59
            ? -1
            : _dayMs + (((((hour * 60L) + minute) * 60) + second) * 1000);
    }
}
