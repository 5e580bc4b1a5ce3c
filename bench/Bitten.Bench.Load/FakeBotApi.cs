using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitten.Bench.Load;

/// <summary>
/// The Telegram Bot API as the host sees it, on loopback: 200 with Telegram's envelope for every method, and Telegram's
/// broadcast limits enforced on sendMessage — more than 30 in any one-second window overall, or a second message to one
/// chat within a second, answer 429 with retry_after 1. Counts what it accepted and refused.
/// </summary>
internal sealed class FakeBotApi : IAsyncDisposable
{
    private const int PerSecond = 30;
    private readonly Lock _gate = new();
    private readonly Queue<long> _recent = new();
    private readonly Dictionary<long, long> _lastByChat = [];
    private WebApplication? _app;
    private long _messageId;

    public string BaseUrl { get; private set; } = string.Empty;

    public long Sent;
    public long TooManyRequests;
    public long OtherCalls;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{botToken}/{method}", HandleAsync);
        _app.MapGet("/{botToken}/{method}", HandleAsync);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();
    }

    private async Task HandleAsync(HttpContext http, string botToken, string method)
    {
        http.Response.ContentType = "application/json";
        if (method == "getMe")
        {
            Interlocked.Increment(ref OtherCalls);
            await http.Response.WriteAsync("""{"ok":true,"result":{"id":1000000001,"is_bot":true,"first_name":"BITTEN bench","username":"bitten_bench_bot"}}""");
            return;
        }

        if (method != "sendMessage")
        {
            Interlocked.Increment(ref OtherCalls);
            await http.Response.WriteAsync("""{"ok":true,"result":true}""");
            return;
        }

        long chat;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body);
            chat = document.RootElement.GetProperty("chat_id").GetInt64();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("""{"ok":false,"error_code":400,"description":"Bad Request: chat_id is empty"}""");
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var second = Stopwatch.Frequency;
        bool ok;
        lock (_gate)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= second)
            {
                _recent.Dequeue();
            }

            ok = _recent.Count < PerSecond && (!_lastByChat.TryGetValue(chat, out var last) || now - last >= second);
            if (ok)
            {
                _recent.Enqueue(now);
                _lastByChat[chat] = now;
            }
        }

        if (!ok)
        {
            Interlocked.Increment(ref TooManyRequests);
            http.Response.StatusCode = 429;
            await http.Response.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
            return;
        }

        Interlocked.Increment(ref Sent);
        var id = Interlocked.Increment(ref _messageId);
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await http.Response.WriteAsync("{\"ok\":true,\"result\":{\"message_id\":" + id + ",\"date\":" + date + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"\"}}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
