namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Time stamps of tick files: Unix epoch milliseconds (always UTC), or a calendar time in the source's
/// clock — <c>yyyy-MM-dd HH:mm:ss[.fff]</c> (also with <c>.</c> or <c>/</c> in the date, or <c>T</c>) or
/// Dukascopy's <c>dd.MM.yyyy HH:mm:ss.fff</c>.
/// </summary>
internal static class TickTime
{
    /// <summary>UTC milliseconds, or -1 when the text is no time stamp.</summary>
    public static long Parse(ReadOnlySpan<byte> text, SourceClock clock)
    {
        if (AsciiNumbers.TryParseLong(text, out var epoch))
        {
            // epoch milliseconds are UTC whatever the file's clock; past year 9999 they are no time anything downstream can show
            return epoch <= BarReader.MaxUtcMs ? epoch : -1;
        }

        if (text.Length < 19)
        {
            return -1;
        }

        int year, month, day;
        if (text[2] == (byte)'.' && text[5] == (byte)'.')
        {
            day = AsciiNumbers.Digits(text, 0, 2);
            month = AsciiNumbers.Digits(text, 3, 2);
            year = AsciiNumbers.Digits(text, 6, 4);
        }
        else if (text[4] is (byte)'-' or (byte)'.' or (byte)'/' && text[7] == text[4])
        {
            year = AsciiNumbers.Digits(text, 0, 4);
            month = AsciiNumbers.Digits(text, 5, 2);
            day = AsciiNumbers.Digits(text, 8, 2);
        }
        else
        {
            return -1;
        }

        if (text[10] is not ((byte)' ' or (byte)'T') || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return -1;
        }

        var ms = 0;
        var tail = text[19..];
        if (tail.Length > 0 && tail[^1] == (byte)'Z')
        {
            tail = tail[..^1];
        }

        if (tail.Length > 0)
        {
            if (tail[0] != (byte)'.' || tail.Length is < 2 or > 4 || (ms = AsciiNumbers.Digits(tail, 1, tail.Length - 1)) < 0)
            {
                return -1;
            }

            ms *= tail.Length == 2 ? 100 : tail.Length == 3 ? 10 : 1;
        }

        var local = AsciiNumbers.EpochMs(year, month, day, AsciiNumbers.Digits(text, 11, 2), AsciiNumbers.Digits(text, 14, 2), AsciiNumbers.Digits(text, 17, 2), ms);
        return local < 0 ? -1 : clock.ToUtcMs(local);
    }
}
