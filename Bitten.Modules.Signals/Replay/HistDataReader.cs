using System.Globalization;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Streams HistData.com ASCII M1 files (<c>yyyyMMdd HHmmss;open;high;low;close;volume</c>), whose clock is
/// EST without daylight saving (fixed UTC−5 unless another offset is given), line by line — never the
/// whole file in memory. Every problem names the file, line and column; time must not go backwards.
/// </summary>
internal static class HistDataReader
{
    public static IEnumerable<HistoricalBar> Read(string path, TimeSpan? utcOffset = null)
    {
        var offsetMs = (long)(utcOffset ?? TimeSpan.FromHours(-5)).TotalMilliseconds;
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        long lineNumber = 0;
        var previous = long.MinValue;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var bar = Parse(line, name, lineNumber, offsetMs);
            if (bar.OpenTimeMs <= previous)
            {
                throw new HistoryFormatException(name, lineNumber, 1, "time goes backwards (or repeats) relative to the previous line");
            }

            previous = bar.OpenTimeMs;
            yield return bar;
        }
    }

    private static HistoricalBar Parse(string line, string file, long lineNumber, long offsetMs)
    {
        var span = line.AsSpan().TrimEnd('\r');
        Span<Range> fields = stackalloc Range[7];
        var count = span.Split(fields, ';');
        if (count != 6)
        {
            throw new HistoryFormatException(file, lineNumber, 1, $"expected 6 ';'-separated fields (time;open;high;low;close;volume), found {count}");
        }

        var time = span[fields[0]];
        if (!DateTime.TryParseExact(time, "yyyyMMdd HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var local))
        {
            throw new HistoryFormatException(file, lineNumber, 1, $"'{time}' is not a time in the form yyyyMMdd HHmmss");
        }

        var values = new double[5];
        var column = time.Length + 2;
        for (var i = 1; i <= 5; i++)
        {
            var text = span[fields[i]];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i - 1]) || !double.IsFinite(values[i - 1]))
            {
                throw new HistoryFormatException(file, lineNumber, column, $"'{text}' is not a number");
            }

            column += text.Length + 1;
        }

        var (open, high, low, close) = (values[0], values[1], values[2], values[3]);
        if (low <= 0 || high < low || open > high || open < low || close > high || close < low)
        {
            throw new HistoryFormatException(file, lineNumber, time.Length + 2, "prices must satisfy 0 < low <= open, close <= high");
        }

        var utcMs = new DateTimeOffset(local, TimeSpan.Zero).ToUnixTimeMilliseconds() - offsetMs;
        return new HistoricalBar(utcMs, open, high, low, close, values[4]);
    }
}
