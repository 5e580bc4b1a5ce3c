using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bitten.Bench.Load;

/// <summary>
/// The host's HTTP API as the HUD and operators use it: Telegram sign-in with initData signed by the bot token (what
/// Telegram does for a Mini App), EA linking, the admin's tier change and test signal, missions, fires and reads. Every
/// call is timed per endpoint; a status outside the expected ones is an error.
/// </summary>
internal sealed class Api(HttpClient http, Recorder recorder, string botToken)
{
    private static readonly byte[] WebAppData = "WebAppData"u8.ToArray();

    public HttpClient Http => http;

    public async Task<SeededUser> SignInAsync(int index, long telegramId, bool needUserId)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["auth_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "AAbench" + telegramId.ToString(CultureInfo.InvariantCulture),
            ["user"] = $$"""{"id":{{telegramId}},"first_name":"Load{{index}}","username":"load_{{index}}","language_code":"en"}""",
        };
        var check = string.Join('\n', fields.Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(WebAppData, Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(check)));
        var initData = string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")) + "&hash=" + hash;
        var (status, body) = await RawAsync("POST /api/auth/telegram", HttpMethod.Post, "/api/auth/telegram", null, JsonContent.Create(new { init_data = initData }));
        while (status == HttpStatusCode.TooManyRequests)
        {
            // Auth:RateLimitPerMinute per client IP, and every virtual user is 127.0.0.1: wait, as a throttled client does.
            recorder.Count("seed_sign_in_429_waits");
            await Task.Delay(TimeSpan.FromSeconds(1));
            (status, body) = await RawAsync("POST /api/auth/telegram", HttpMethod.Post, "/api/auth/telegram", null, JsonContent.Create(new { init_data = initData }));
        }

        if (status != HttpStatusCode.OK)
        {
            recorder.Error($"http POST /api/auth/telegram {(int)status}", body);
            throw new HttpRequestException($"sign-in: {(int)status} {body}");
        }

        var token = JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
        if (!needUserId)
        {
            return new SeededUser(index, telegramId, 0, token);
        }

        var me = await SendAsync("GET /api/me", HttpMethod.Get, "/api/me", token, null, HttpStatusCode.OK);
        return new SeededUser(index, telegramId, me!["user_id"]!.GetValue<long>(), token);
    }

    public async Task<(string EaId, string Token)> LinkEaAsync(SeededUser user)
    {
        var issued = await SendAsync("POST /api/me/eas", HttpMethod.Post, "/api/me/eas", user.Token, JsonContent.Create(new { label = "load-" + user.Index }), HttpStatusCode.OK);
        return (issued!["ea_id"]!.GetValue<string>(), issued["ea_token"]!.GetValue<string>());
    }

    public Task SetTierAsync(SeededUser admin, long userId, string tier) =>
        SendAsync("PUT /api/admin/users/{id}/tier", HttpMethod.Put, $"/api/admin/users/{userId}/tier", admin.Token, JsonContent.Create(new { tier }), HttpStatusCode.NoContent);

    public Task ForceSignalAsync(SeededUser admin, string symbol, string side) =>
        SendAsync("POST /api/admin/signals/test", HttpMethod.Post, "/api/admin/signals/test", admin.Token, JsonContent.Create(new { symbol, side, confidence = 80 }), HttpStatusCode.Accepted);

    /// <summary>POST …/fire: the fire id when accepted, null when refused by a rule (422/409/410, counted by reason).</summary>
    public async Task<string?> FireAsync(SeededUser user, string missionId)
    {
        recorder.FireRequested[missionId] = Stopwatch.GetTimestamp();
        var (status, body) = await RawAsync("POST /api/missions/{id}/fire", HttpMethod.Post, $"/api/missions/{missionId}/fire", user.Token, null);
        if (status == HttpStatusCode.Accepted)
        {
            var fireId = JsonNode.Parse(body)!["fire_id"]!.GetValue<string>();
            recorder.FireMission[fireId] = missionId;
            return fireId;
        }

        if (status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict or HttpStatusCode.Gone)
        {
            recorder.Refused(Reason(status, body));
            return null;
        }

        recorder.Error("http POST /api/missions/{id}/fire " + (int)status, body);
        return null;
    }

    public Task GetAsync(string endpoint, string path, SeededUser user) => SendAsync(endpoint, HttpMethod.Get, path, user.Token, null, HttpStatusCode.OK);

    public async Task<JsonNode?> SendAsync(string endpoint, HttpMethod method, string path, string? token, HttpContent? content, HttpStatusCode expected)
    {
        var (status, body) = await RawAsync(endpoint, method, path, token, content);
        if (status != expected)
        {
            recorder.Error($"http {endpoint} {(int)status}", body.Length > 300 ? body[..300] : body);
            throw new HttpRequestException($"{endpoint}: {(int)status} {body}");
        }

        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    private async Task<(HttpStatusCode Status, string Body)> RawAsync(string endpoint, HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            recorder.HttpTiming(endpoint, started);
            return (response.StatusCode, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            recorder.Error($"http {endpoint} transport", ex.Message);
            return (0, ex.Message);
        }
    }

    private static string Reason(HttpStatusCode status, string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            var reason = node?["refusal"]?.ToString() ?? node?["title"]?.ToString();
            return $"{(int)status} {reason}";
        }
        catch (JsonException)
        {
            return ((int)status).ToString(CultureInfo.InvariantCulture);
        }
    }
}

internal sealed record SeededUser(int Index, long TelegramId, long UserId, string Token)
{
    public EaClient? Ea { get; set; }
}
