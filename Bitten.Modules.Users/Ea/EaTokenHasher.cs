using System.Security.Cryptography;
using System.Text;

namespace Bitten.Modules.Users.Ea;

/// <summary>
/// EA tokens are 256 random bits, so a slow KDF adds nothing against guessing; what matters is that a
/// stolen database does not reveal tokens and that equal tokens do not hash alike. We keep
/// HMAC-SHA256(key = 16-byte per-token salt, token) and compare in constant time.
/// </summary>
internal static class EaTokenHasher
{
    public const int TokenBytes = 32;

    public static string NewToken() => Accounts.RandomCodes.UrlSafe(TokenBytes);

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(byte[] salt, string token)
    {
        Span<byte> buffer = stackalloc byte[256];
        var count = Encoding.UTF8.GetByteCount(token);
        var bytes = count <= buffer.Length ? buffer[..count] : new byte[count];
        Encoding.UTF8.GetBytes(token, bytes);
        return HMACSHA256.HashData(salt, bytes);
    }

    public static bool Matches(byte[] salt, byte[] expectedHash, string token) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, token), expectedHash);
}
