using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitten.Bench.Users;

/// <summary>
/// A fake Bot API on loopback that enforces Telegram's broadcast limits the way the real one does: more than
/// <c>perSecond</c> sendMessage calls in any one-second window, or two to one chat within <c>perChat</c>, get 429
/// with retry_after. Counts what it accepted and refused.
/// </summary>
internal sealed class FakeTelegram(int perSecond, TimeSpan perChat) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _recent = new();
    private readonly Dictionary<long, long> _lastByChat = [];
    private readonly HashSet<long> _chats = [];
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = string.Empty;

    public int Accepted { get; private set; }

    public int TooManyRequests { get; private set; }

    public int DuplicateChats { get; private set; }

    public long LastAcceptedTimestamp { get; private set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{botToken}/{method}", HandleAsync);
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();
    }

    private async Task HandleAsync(HttpContext http, string botToken, string method)
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body);
        http.Response.ContentType = "application/json";
        if (method != "sendMessage")
        {
            await http.Response.WriteAsync("""{"ok":true,"result":true}""");
            return;
        }

        var chat = document.RootElement.GetProperty("chat_id").GetInt64();
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        var second = System.Diagnostics.Stopwatch.Frequency;
        bool ok;
        lock (_gate)
        {
            while (_recent.Count > 0 && now - _recent.Peek() >= second)
            {
                _recent.Dequeue();
            }

            ok = _recent.Count < perSecond && !(_lastByChat.TryGetValue(chat, out var last) && now - last < perChat.TotalSeconds * second);
            if (ok)
            {
                _recent.Enqueue(now);
                _lastByChat[chat] = now;
                Accepted++;
                LastAcceptedTimestamp = now;
                if (!_chats.Add(chat))
                {
                    DuplicateChats++;
                }
            }
            else
            {
                TooManyRequests++;
            }
        }

        if (!ok)
        {
            http.Response.StatusCode = 429;
            await http.Response.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
            return;
        }

        await http.Response.WriteAsync($$$"""{"ok":true,"result":{"message_id":1,"chat":{"id":{{{chat}}},"type":"private"},"date":1700000000,"text":"ok"}}""");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
