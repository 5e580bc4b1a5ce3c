using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Bitten.Modules.Users.Telegram;

/// <summary>
/// Our own Bot API client over HttpClient and System.Text.Json (Telegram.Bot is not obtainable).
/// Every call returns a <see cref="TelegramResult{T}"/>: 429 waits <c>retry_after</c> then retries,
/// 5xx, timeouts and network errors retry with exponential back-off (bounded attempts), 403 is
/// <see cref="TelegramOutcome.Blocked"/>. The bot token appears only in the request path and is
/// redacted from everything we log.
/// </summary>
internal sealed partial class TelegramBotClient
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly TelegramMetrics _metrics;
    private readonly ILogger<TelegramBotClient> _logger;
    private readonly ResiliencePipeline<ApiAttempt> _pipeline;

    public TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options, TimeProvider time, TelegramMetrics metrics, ILogger<TelegramBotClient> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        // Each attempt has its own timeout (below); the HttpClient's must not cut a long poll short.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _pipeline = BuildPipeline();
    }

    public bool IsConfigured => _options.HasBotToken;

    private ResiliencePipeline<ApiAttempt> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<ApiAttempt> { TimeProvider = _time };
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<ApiAttempt>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Retryable == true),
                // 429: exactly what Telegram asked for; otherwise the exponential default (null).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var method = args.Context.Properties.GetValue(MethodKey, "unknown");
                    var reason = TelegramMetrics.Tag(args.Outcome.Result?.Outcome ?? TelegramOutcome.Unknown);
                    _metrics.Retry(method, reason);
                    Log.TelegramRetry(_logger, method, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    private static readonly ResiliencePropertyKey<string> MethodKey = new("telegram.method");

    /// <summary>Calls <paramref name="method"/> with a JSON body and maps its <c>result</c> with <paramref name="read"/>.</summary>
    private async Task<TelegramResult<T>> CallAsync<T>(string method, object? body, TimeSpan extraTimeout, Func<JsonElement, T> read, CancellationToken ct)
    {
        if (!_options.HasBotToken)
        {
            _metrics.Call(method, TelegramOutcome.NotConfigured);
            return new TelegramResult<T>(TelegramOutcome.NotConfigured, default, null, "Telegram:BotToken is not configured");
        }

        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(MethodKey, method);
        ApiAttempt attempt;
        try
        {
            attempt = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.AttemptAsync(state.Method, state.Body, state.Extra, ctx.CancellationToken),
                context,
                (Self: this, Method: method, Body: body, Extra: extraTimeout));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var outcome = attempt.Outcome;
        T? value = default;
        if (outcome == TelegramOutcome.Ok)
        {
            try
            {
                value = read(attempt.Result);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                outcome = TelegramOutcome.InvalidResponse;
                attempt = attempt with { Description = "unexpected result shape: " + Redact(ex.Message) };
            }
        }

        _metrics.Call(method, outcome);
        if (outcome != TelegramOutcome.Ok)
        {
            Log.TelegramCallFailed(_logger, method, TelegramMetrics.Tag(outcome), attempt.StatusCode, attempt.Description);
        }

        return new TelegramResult<T>(outcome, value, attempt.ErrorCode, attempt.Description, attempt.RetryAfter);
    }

    private async ValueTask<ApiAttempt> AttemptAsync(string method, object? body, TimeSpan extraTimeout, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout + extraTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, MethodUri(method))
            {
                Content = JsonContent.Create(body ?? new { }, options: Json),
            };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            return Classify((int)response.StatusCode, text);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new ApiAttempt(TelegramOutcome.Timeout, 0, default, null, $"no answer within {_options.RequestTimeout + extraTimeout}", null, Retryable: true);
        }
        catch (HttpRequestException ex)
        {
            return new ApiAttempt(TelegramOutcome.NetworkError, 0, default, null, Redact(ex.Message), null, Retryable: true);
        }
    }

    private ApiAttempt Classify(int status, string text)
    {
        JsonElement result = default;
        int? errorCode = null;
        string? description = null;
        TimeSpan? retryAfter = null;
        var ok = false;
        var parsed = false;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var okElement) && okElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                parsed = true;
                ok = okElement.GetBoolean();
                if (root.TryGetProperty("result", out var r))
                {
                    result = r.Clone();
                }

                if (root.TryGetProperty("error_code", out var ec) && ec.ValueKind == JsonValueKind.Number && ec.TryGetInt32(out var code))
                {
                    errorCode = code;
                }

                if (root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String)
                {
                    description = Redact(d.GetString());
                }

                if (root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object
                    && p.TryGetProperty("retry_after", out var ra) && ra.ValueKind == JsonValueKind.Number && ra.TryGetInt32(out var seconds) && seconds >= 0)
                {
                    retryAfter = TimeSpan.FromSeconds(seconds);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // not a Bot API body (a proxy's HTML error page, say; or a description System.Text.Json cannot decode):
            // classified by status alone below
        }

        if (status == 200 && parsed && ok)
        {
            return new ApiAttempt(TelegramOutcome.Ok, status, result, null, null, null, false);
        }

        description ??= parsed ? null : $"HTTP {status} without a Bot API body";
        return status switch
        {
            429 when retryAfter is { } wait && wait <= _options.MaxRetryAfter =>
                new ApiAttempt(TelegramOutcome.RateLimited, status, default, errorCode, description, wait, Retryable: true),
            429 => new ApiAttempt(TelegramOutcome.RateLimited, status, default, errorCode, description, retryAfter, Retryable: false),
            403 => new ApiAttempt(TelegramOutcome.Blocked, status, default, errorCode, description, null, false),
            400 => new ApiAttempt(TelegramOutcome.BadRequest, status, default, errorCode, description, null, false),
            401 or 404 => new ApiAttempt(TelegramOutcome.Unauthorized, status, default, errorCode, description, null, false),
            >= 500 => new ApiAttempt(TelegramOutcome.ServerError, status, default, errorCode, description, null, Retryable: true),
            _ => new ApiAttempt(TelegramOutcome.InvalidResponse, status, default, errorCode, description, null, false),
        };
    }

    private Uri MethodUri(string method) => new($"{_options.ApiBaseUrl.TrimEnd('/')}/bot{_options.BotToken}/{method}");

    /// <summary>Removes the bot token from any text that might be logged or returned.</summary>
    internal string Redact(string? text) =>
        string.IsNullOrEmpty(text) || !_options.HasBotToken ? text ?? string.Empty : text.Replace(_options.BotToken!, "<bot-token>", StringComparison.Ordinal);
}
