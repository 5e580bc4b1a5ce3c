using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Bitten.Host.Tests.Infrastructure;

/// <summary>Signs a test user in as the Mini App does: initData signed with the bot token (Telegram's HMAC scheme).</summary>
public static class TelegramLogin
{
    public const string BotToken = "123456:TEST-bot-token-for-integration-tests";

    public static BittenAppFactory WithTelegram(this BittenAppFactory factory) => factory.WithSetting("Telegram:BotToken", BotToken);

    public static string InitData(long telegramId, string firstName, DateTimeOffset authDate, string botToken = BotToken)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = authDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "AAE" + telegramId.ToString(CultureInfo.InvariantCulture),
            ["user"] = JsonSerializer.Serialize(new { id = telegramId, first_name = firstName, language_code = "en" }),
        };
        var dataCheck = string.Join("\n", fields.Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData("WebAppData"u8, Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheck)));
        return string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
    }

    /// <summary>Signs in and sets the bearer token on the client.</summary>
    public static async Task<HttpClient> SignInAsync(this HttpClient client, long telegramId, string firstName = "Tester", DateTimeOffset? at = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/telegram", UriKind.Relative),
            new { init_data = InitData(telegramId, firstName, at ?? DateTimeOffset.UtcNow) });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }
}
