namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// Allocation-free parsing of the plain decimal numbers and fixed-width dates that history files hold.
/// A decimal <c>123.456</c> is read as the integer 123456 divided by 10³, which IEEE division rounds
/// correctly, so the result equals <see cref="double.Parse(string)"/> for up to 15 significant digits.
/// </summary>
internal static class AsciiNumbers
{
    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

    /// <summary>Parses <c>[-]digits[.digits]</c> (or an exponent form, through the slow path).</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                if (digits >= 15)
                {
                    return SlowPath(text, out value);
                }

                mantissa = (mantissa * 10) + (c - '0');
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return SlowPath(text, out value);
            }
        }

        if (digits == 0)
        {
            value = 0;
            return false;
        }

        value = Scale(mantissa, fraction);
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>The value of <paramref name="mantissa"/> with <paramref name="fraction"/> digits after the point (none when ≤ 0).</summary>
    public static double Scale(long mantissa, int fraction) => fraction > 0 ? mantissa / Pow10[fraction] : mantissa;

    /// <summary>
    /// The fast path of line readers: <c>digits[.digits]</c> from <paramref name="i"/> up to <paramref name="separator"/>
    /// or the end of <paramref name="line"/> (where <paramref name="i"/> is left), computed exactly as
    /// <see cref="TryParseDouble"/> computes it. False for anything else (a sign, a space, an exponent, more than 15
    /// digits, no digit), which the caller then reads through its general path.
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> line, ref int i, byte separator, out double value)
    {
        value = 0;
        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                if (digits >= 15)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else if (c == separator)
            {
                break;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = Scale(mantissa, fraction);
        return true;
    }

    public static bool TryParseLong(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Reads exactly <paramref name="count"/> digits at <paramref name="start"/>; -1 if any is not a digit.</summary>
    public static int Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return -1;
        }

        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Milliseconds since the Unix epoch of a calendar time; -1 when the fields are no valid date.</summary>
    public static long EpochMs(int year, int month, int day, int hour, int minute, int second, int millisecond = 0)
    {
        if (year is < 1970 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || millisecond is < 0 or > 999)
        {
            return -1;
        }

        // Days from civil (Howard Hinnant's algorithm): no DateTime allocation or parsing on the hot path.
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yoe = y - (era * 400);
        var mp = (month + 9) % 12;
        var doy = ((153 * mp) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        var days = ((long)era * 146097) + doe - 719468;
        return (((((days * 24) + hour) * 60) + minute) * 60 + second) * 1000 + millisecond;
    }

    private static bool SlowPath(ReadOnlySpan<byte> text, out double value)
    {
        Span<char> chars = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            value = 0;
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        return double.TryParse(chars, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
