using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bitten.Contracts.Common;

/// <summary>
/// A ULID (26 Crockford base-32 characters: 48-bit millisecond timestamp, 80 random bits).
/// Sortable by creation time, which makes ids of missions and fires ordered in the database.
/// </summary>
public readonly record struct Ulid : IComparable<Ulid>
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly string _value;

    private Ulid(string value) => _value = value;

    /// <summary>The canonical upper-case text form.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Milliseconds since the Unix epoch encoded in the first ten characters.</summary>
    public long TimestampMs
    {
        get
        {
            long ms = 0;
            for (var i = 0; i < 10; i++)
            {
                ms = (ms << 5) | (uint)Alphabet.IndexOf(Value[i], StringComparison.Ordinal);
            }

            return ms;
        }
    }

    /// <summary>Creates a new ULID for the given instant with cryptographically random low bits.</summary>
    public static Ulid NewUlid(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = now.ToUnixTimeMilliseconds();
        if (ms < 0 || ms > 0xFFFF_FFFF_FFFFL)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "A ULID timestamp must fit in 48 bits after 1970.");
        }

        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)ms << 16);
        RandomNumberGenerator.Fill(bytes[6..]);
        return new Ulid(Encode(bytes));
    }

    /// <summary>Parses a ULID, accepting lower case; rejects anything that is not 26 valid characters.</summary>
    public static bool TryParse(string? text, out Ulid ulid)
    {
        ulid = default;
        if (text is null || text.Length != 26 || text[0] > '7')
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        foreach (var c in upper)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        ulid = new Ulid(upper);
        return true;
    }

    public int CompareTo(Ulid other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits → 26 characters; the first character carries only 3 bits.
        var hi = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var lo = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        return string.Create(26, (hi, lo), static (chars, state) =>
        {
            var (h, l) = state;
            for (var i = 25; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(l & 31)];
                l = (l >> 5) | ((h & 31) << 59);
                h >>= 5;
            }
        });
    }

    public static bool operator <(Ulid left, Ulid right) => left.CompareTo(right) < 0;

    public static bool operator >(Ulid left, Ulid right) => left.CompareTo(right) > 0;

    public static bool operator <=(Ulid left, Ulid right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Ulid left, Ulid right) => left.CompareTo(right) >= 0;
}
