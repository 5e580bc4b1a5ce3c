using System.Security.Cryptography;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Random identifiers and secrets from the OS CSPRNG.</summary>
internal static class RandomCodes
{
    // Crockford-style base32 without easily confused letters: safe to read out and type.
    private const string Readable = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A short human-typable code, e.g. a referral code.</summary>
    public static string Readable8() => RandomNumberGenerator.GetString(Readable, 8);

    /// <summary><paramref name="bytes"/> random bytes as URL-safe base64 without padding.</summary>
    public static string UrlSafe(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    public static string Base64Url(ReadOnlySpan<byte> data) => System.Buffers.Text.Base64Url.EncodeToString(data);
}
