using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>
/// A fake Telegram Bot API server: Kestrel on 127.0.0.1:0 inside the test. Records every call (token,
/// method, JSON body, order, fake-clock time) and answers from a per-method script; unscripted calls
/// get <c>{"ok":true,"result":...}</c> with a plausible result.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Scripted>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _scripted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;
    private readonly Lock _limitsGate = new();
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private readonly Dictionary<long, DateTimeOffset> _lastSendByChat = [];
    private int _limitPerSecond;
    private TimeSpan _limitPerChat;
    private int _tooManyRequests;

    private FakeBotApi(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The clock stamped on recorded calls (set it to the client's fake clock).</summary>
    public TimeProvider Clock { get; set; }

    public IReadOnlyList<RecordedCall> Calls => [.. _calls.OrderBy(c => c.Sequence)];

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    public static async Task<FakeBotApi> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app, clock ?? TimeProvider.System);
        // Not "/bot{token}/...": a complex route segment matches its literal from the right and
        // fails on tokens that themselves contain "bot".
        app.MapPost("/{botToken}/{method}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.Single();
        return fake;
    }

    /// <summary>sendMessage answers 429 (retry_after 1) beyond Telegram's broadcast limits, measured on <see cref="Clock"/>.</summary>
    public void EnforceSendLimits(int perSecond, TimeSpan perChat)
    {
        _limitPerSecond = perSecond;
        _limitPerChat = perChat;
    }

    /// <summary>How many 429 answers the enforced limits produced.</summary>
    public int TooManyRequestsAnswered => Volatile.Read(ref _tooManyRequests);

    /// <summary>Queues the next answers for <paramref name="method"/>, used in order before the default.</summary>
    public void Script(string method, params Scripted[] responses)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Scripted>());
        foreach (var response in responses)
        {
            queue.Enqueue(response);
        }

        Interlocked.Exchange(ref _scripted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task HandleAsync(HttpContext http, string botToken, string method)
    {
        if (!botToken.StartsWith("bot", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var token = botToken[3..];
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        _calls.Enqueue(new RecordedCall(Interlocked.Increment(ref _sequence), token, method, body, Clock.GetUtcNow(), http.Request.Path));
        var scriptedLater = Volatile.Read(ref _scripted).Task;
        if (method == "getUpdates" && !HasScript(method))
        {
            // Long polling: hold an empty poll until something is scripted, the client leaves, or a few seconds pass.
            var waitFor = scriptedLater;
            await Task.WhenAny(waitFor, Task.Delay(TimeSpan.FromSeconds(3), http.RequestAborted));
        }

        if (method == "sendMessage" && _limitPerSecond > 0 && !WithinLimits(body))
        {
            Interlocked.Increment(ref _tooManyRequests);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""");
            return;
        }

        var scripted = _scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var next) ? next : Scripted.Ok(DefaultResult(method));
        if (scripted.Hang)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        http.Response.StatusCode = scripted.Status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(scripted.Body);
    }

    private bool WithinLimits(string body)
    {
        var chat = JsonDocument.Parse(body).RootElement.GetProperty("chat_id").GetInt64();
        var now = Clock.GetUtcNow();
        lock (_limitsGate)
        {
            while (_recentSends.Count > 0 && now - _recentSends.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recentSends.Dequeue();
            }

            if (_recentSends.Count >= _limitPerSecond || (_lastSendByChat.TryGetValue(chat, out var last) && now - last < _limitPerChat))
            {
                return false;
            }

            _recentSends.Enqueue(now);
            _lastSendByChat[chat] = now;
            return true;
        }
    }

    private bool HasScript(string method) => _scripts.TryGetValue(method, out var queue) && !queue.IsEmpty;

    private static string DefaultResult(string method) => method switch
    {
        "getMe" => """{"id":42,"is_bot":true,"first_name":"BITTEN","username":"bitten_bot"}""",
        "sendMessage" or "editMessageText" => """{"message_id":7,"chat":{"id":1001,"type":"private"},"date":1700000000,"text":"hi"}""",
        "getUpdates" => "[]",
        _ => "true",
    };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
