namespace Bitten.Modules.Signals.Ingest;

/// <summary>
/// The legacy broker-time form <c>"YYYY.MM.DD HH:MM:SS[.fff]"</c> (PROTOCOL §Time), parsed from UTF-8
/// without allocating, converted to UTC epoch milliseconds with the EA's broker offset.
/// </summary>
internal static class BrokerTime
{
    public static bool TryParseToUtcMs(ReadOnlySpan<byte> text, int brokerUtcOffsetSeconds, out long utcMs)
    {
        utcMs = 0;
        if (text.Length is not (19 or 23) || text[4] != '.' || text[7] != '.' || text[10] != ' ' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var millisecond = 0;
        if (text.Length == 23 && (text[19] != '.' || !Digits(text.Slice(20, 3), out millisecond)))
        {
            return false;
        }

        if (year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var brokerMs = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero).ToUnixTimeMilliseconds();
        utcMs = brokerMs - (brokerUtcOffsetSeconds * 1000L);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
