using System.Text;

namespace Bitten.Bench.Fuzz.Engine;

/// <summary>
/// Builds input #i of a target from its own seeded random stream: purely random octets, a soup of the target's tokens,
/// or one to eight stacked mutations of a real sample (bit flips, byte insert/delete/duplicate, truncation, splicing two
/// samples, interesting numbers and tokens, deep nesting, huge big-endian lengths).
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> samples, IReadOnlyList<byte[]> tokens, int maxLength)
{
    /// <summary>Values that break parsers: limits of each numeric type, NaN, escapes, separators, lone surrogates.</summary>
    public static readonly byte[][] Interesting = [.. new[]
    {
        "NaN", "-NaN", "Infinity", "-Infinity", "-1", "0", "-0", "1e308", "-1e308", "1e309", "1e-400", "4.9e-324",
        "1.7976931348623157E+308", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335",
        "0.0000000000000000000000000001", "1E+28", "99999999999999999999", "253402300800", "253402300800000", "-62135596801",
        "\\u0000", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\uffff", "\\\\", "\\\"", "\"", "null", "true", "false", "[]", "{}",
        "\u0000", "\r\n", "\n", "\r", "\t", ";", ",", ".", ":", " ", "%", "%zz", "%00", "%ff", "%C0%80", "+", "=", "&",
        "\uFEFF", "\u2028", "é", "𝄞", "yyyy", "2025.02.30 25:61:61.999", "0000.00.00 00:00:00", "9999.12.31 23:59:59.999",
    }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xFE], [0x80], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x7F], [0x00, 0x00, 0x00, 0x00],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], [0x00, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF],
        [0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00], [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xF8],
    ];

    /// <summary>How many of <see cref="Interesting"/>'s first entries are numbers.</summary>
    private const int NumericCount = 31;

    public (byte[] Input, ulong Variant) Next(ref FuzzRandom random)
    {
        var variant = random.NextULong();
        var roll = random.Next(100);
        List<byte> data;
        if (roll < 8 || samples.Count == 0)
        {
            data = RandomBytes(ref random);
        }
        else if (roll < 16)
        {
            data = TokenSoup(ref random);
        }
        else
        {
            data = [.. samples[random.Next(samples.Count)]];
            var count = 1 + random.Next(random.Chance(70) ? 3 : 8);
            for (var i = 0; i < count; i++)
            {
                Mutate(data, ref random);
            }
        }

        if (data.Count > maxLength)
        {
            data.RemoveRange(maxLength, data.Count - maxLength);
        }

        return ([.. data], variant);
    }

    private List<byte> RandomBytes(ref FuzzRandom random)
    {
        var length = random.Next(random.Chance(80) ? 64 : 1024);
        var printable = random.Chance(50);
        var data = new List<byte>(length);
        for (var i = 0; i < length; i++)
        {
            data.Add(printable ? (byte)random.Next(0x20, 0x7F) : random.NextByte());
        }

        return data;
    }

    private List<byte> TokenSoup(ref FuzzRandom random)
    {
        var data = new List<byte>();
        var count = 1 + random.Next(24);
        for (var i = 0; i < count; i++)
        {
            data.AddRange(PickToken(ref random));
        }

        return data;
    }

    private byte[] PickToken(ref FuzzRandom random) =>
        tokens.Count > 0 && random.Chance(60) ? tokens[random.Next(tokens.Count)] : Interesting[random.Next(Interesting.Length)];

    private void Mutate(List<byte> data, ref FuzzRandom random)
    {
        var at = random.Next(data.Count + 1);
        switch (random.Next(14))
        {
            case 0 when data.Count > 0: // bit flip
                var bit = random.Next(data.Count * 8);
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 1 when data.Count > 0: // random octet
                data[random.Next(data.Count)] = random.NextByte();
                break;
            case 2: // insert random octets
                var insert = new byte[1 + random.Next(16)];
                for (var i = 0; i < insert.Length; i++)
                {
                    insert[i] = random.NextByte();
                }

                data.InsertRange(at, insert);
                break;
            case 3 when data.Count > 0: // delete a range
                var start = random.Next(data.Count);
                data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(random.Chance(70) ? 4 : 256)));
                break;
            case 4 when data.Count > 0: // duplicate a range
                var from = random.Next(data.Count);
                var length = Math.Min(data.Count - from, 1 + random.Next(64));
                var copies = random.Chance(90) ? 1 : random.Next(2, 64);
                var range = data.GetRange(from, length);
                for (var c = 0; c < copies; c++)
                {
                    data.InsertRange(from, range);
                }

                break;
            case 5 when data.Count > 0: // truncate
                var keep = random.Next(data.Count);
                data.RemoveRange(keep, data.Count - keep);
                break;
            case 6 when samples.Count > 0: // splice: our head, another sample's tail
                var other = samples[random.Next(samples.Count)];
                var cut = random.Next(other.Length + 1);
                data.RemoveRange(at, data.Count - at);
                data.AddRange(other.AsSpan(cut).ToArray());
                break;
            case 7 or 8: // insert a token or an interesting value
                data.InsertRange(at, PickToken(ref random));
                break;
            case 9: // replace a run of digits with an interesting number
                ReplaceNumber(data, ref random);
                break;
            case 10: // deep nesting
                var depth = random.Chance(50) ? random.Next(2, 40) : random.Next(40, 2000);
                var opener = random.Chance(50) ? "["u8.ToArray() : "{\"a\":"u8.ToArray();
                var nest = new List<byte>(depth * opener.Length);
                for (var d = 0; d < depth; d++)
                {
                    nest.AddRange(opener);
                }

                data.InsertRange(at, nest);
                break;
            case 11 when data.Count > 0: // overwrite with a limit octet
                data[random.Next(data.Count)] = (byte)(random.Next(4) switch { 0 => 0x00, 1 => 0xFF, 2 => 0x7F, _ => 0x80 });
                break;
            case 12: // a huge big-endian length (ZMTP sizes, property lengths)
                var huge = new byte[random.Chance(50) ? 8 : 4];
                for (var i = 0; i < huge.Length; i++)
                {
                    huge[i] = random.Chance(50) ? (byte)0xFF : random.NextByte();
                }

                if (data.Count >= huge.Length && random.Chance(50))
                {
                    var p = random.Next(data.Count - huge.Length + 1);
                    for (var i = 0; i < huge.Length; i++)
                    {
                        data[p + i] = huge[i];
                    }
                }
                else
                {
                    data.InsertRange(at, huge);
                }

                break;
            default: // swap two octets
                if (data.Count > 1)
                {
                    var a = random.Next(data.Count);
                    var b = random.Next(data.Count);
                    (data[a], data[b]) = (data[b], data[a]);
                }

                break;
        }
    }

    private static void ReplaceNumber(List<byte> data, ref FuzzRandom random)
    {
        var numbers = new List<(int Start, int Length)>();
        for (var i = 0; i < data.Count;)
        {
            if (IsNumeric(data[i]))
            {
                var s = i;
                while (i < data.Count && (IsNumeric(data[i]) || data[i] is (byte)'.' or (byte)'e' or (byte)'E'))
                {
                    i++;
                }

                numbers.Add((s, i - s));
            }
            else
            {
                i++;
            }
        }

        if (numbers.Count == 0)
        {
            return;
        }

        var (start, length) = numbers[random.Next(numbers.Count)];
        data.RemoveRange(start, length);
        data.InsertRange(start, Interesting[random.Next(NumericCount)]);
    }

    private static bool IsNumeric(byte b) => b is >= (byte)'0' and <= (byte)'9' or (byte)'-';
}
