using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bitten.Modules.Users.Accounts;

namespace Bitten.Modules.Users.Auth;

/// <summary>
/// Verifies Telegram Mini App initData as Telegram documents (core.telegram.org/bots/webapps,
/// "Validating data received via the Mini App"): secret_key = HMAC_SHA256(key "WebAppData", bot_token);
/// hash = hex(HMAC_SHA256(secret_key, data_check_string)), where data_check_string is every received
/// field except <c>hash</c> (so <c>signature</c>, when present, is included), URL-decoded, sorted by
/// key, as <c>key=value</c> lines joined by <c>\n</c>. Compared in constant time.
/// </summary>
internal sealed class InitDataValidator(TimeProvider time)
{
    private static readonly byte[] WebAppData = "WebAppData"u8.ToArray();

    /// <summary>The last second <see cref="DateTimeOffset.FromUnixTimeSeconds"/> accepts.</summary>
    private const long MaxUnixSeconds = 253_402_300_799L;

    // maxAge null checks the signature alone (test vectors are long expired).
    public InitDataCheck Validate(string? initData, string botToken, TimeSpan? maxAge, TimeSpan clockSkew)
    {
        if (string.IsNullOrWhiteSpace(initData))
        {
            return InitDataCheck.Fail("init_data is empty");
        }

        if (initData.Length > 8192)
        {
            return InitDataCheck.Fail("init_data is longer than 8192 characters");
        }

        var fields = Parse(initData);
        if (fields is null)
        {
            return InitDataCheck.Fail("init_data is not a query string with unique keys");
        }

        if (!fields.TryGetValue("hash", out var hashHex) || hashHex.Length != 64)
        {
            return InitDataCheck.Fail("init_data has no hash of 64 hex characters");
        }

        byte[] received;
        try
        {
            received = Convert.FromHexString(hashHex);
        }
        catch (FormatException)
        {
            return InitDataCheck.Fail("init_data hash is not hexadecimal");
        }

        var expected = ComputeHash(botToken, DataCheckString(fields));
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            return InitDataCheck.Fail("init_data signature does not match");
        }

        if (!fields.TryGetValue("auth_date", out var authText) || !long.TryParse(authText, NumberStyles.None, CultureInfo.InvariantCulture, out var authSeconds))
        {
            return InitDataCheck.Fail("init_data has no auth_date");
        }

        if (authSeconds > MaxUnixSeconds)
        {
            return InitDataCheck.Fail("init_data auth_date is past the year 9999");
        }

        if (maxAge is { } max)
        {
            var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(authSeconds);
            if (age > max)
            {
                return InitDataCheck.Fail($"init_data is older than {max} (auth_date {authSeconds}); reopen the Mini App");
            }

            if (-age > clockSkew)
            {
                return InitDataCheck.Fail($"init_data auth_date {authSeconds} is in the future");
            }
        }

        return new InitDataCheck(true, null, fields, ReadUser(fields));
    }

    public static string DataCheckString(IReadOnlyDictionary<string, string> fields) =>
        string.Join('\n', fields.Where(f => f.Key != "hash").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    public static byte[] SecretKey(string botToken) => HMACSHA256.HashData(WebAppData, Encoding.UTF8.GetBytes(botToken));

    public static byte[] ComputeHash(string botToken, string dataCheckString) =>
        HMACSHA256.HashData(SecretKey(botToken), Encoding.UTF8.GetBytes(dataCheckString));

    public static Dictionary<string, string>? Parse(string query)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? string.Empty : Decode(part[(eq + 1)..]);
            if (key is null || value is null || key.Length == 0 || !fields.TryAdd(key, value))
            {
                return null;
            }
        }

        return fields;
    }

    private static string? Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    private static TelegramIdentity? ReadUser(Dictionary<string, string> fields)
    {
        if (!fields.TryGetValue("user", out var json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var u = doc.RootElement;
            if (u.ValueKind != JsonValueKind.Object || !u.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var telegramId))
            {
                return null;
            }

            return new TelegramIdentity(telegramId, Text(u, "first_name") ?? string.Empty, Text(u, "last_name"), Text(u, "username"), Text(u, "language_code"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // not JSON, or a name that is invalid UTF-8 or escapes a lone surrogate
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
