using System.Diagnostics.Metrics;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Tests.Telegram;

/// <summary>A <see cref="TelegramBotClient"/> wired to a fresh fake Bot API, a recording manual clock and a metric listener.</summary>
internal sealed class BotClientFixture : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_abcdefghijklmnop";

    // Larger than any retry delay, so every recorded timer below it is a retry wait.
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);

    private readonly ServiceProvider _services;
    private readonly HttpClient _http = new();

    private BotClientFixture(FakeBotApi api, RecordingTimeProvider time, int maxAttempts)
    {
        Api = api;
        Time = time;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        Metrics = new MetricRecorder(meters);
        Options = new TelegramOptions
        {
            BotToken = Token,
            ApiBaseUrl = api.BaseUrl,
            RequestTimeout = RequestTimeout,
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryAfter = TimeSpan.FromSeconds(60),
        };
        Client = new TelegramBotClient(_http, Microsoft.Extensions.Options.Options.Create(Options), time, new TelegramMetrics(meters), Logger);
    }

    public FakeBotApi Api { get; }

    public RecordingTimeProvider Time { get; }

    public MetricRecorder Metrics { get; }

    public TelegramOptions Options { get; }

    public ListLogger<TelegramBotClient> Logger { get; } = new();

    public TelegramBotClient Client { get; }

    public static async Task<BotClientFixture> StartAsync(int maxAttempts = 4)
    {
        var time = new RecordingTimeProvider();
        var api = await FakeBotApi.StartAsync(time);
        return new BotClientFixture(api, time, maxAttempts);
    }

    /// <summary>Waits until the client asks for its <paramref name="n"/>-th retry wait, then moves the clock past it.</summary>
    public async Task<TimeSpan> ReleaseRetryAsync(int n)
    {
        await Wait.UntilAsync(() => RetryWaits().Count >= n, TimeSpan.FromSeconds(10), $"retry wait #{n} is scheduled");
        var wait = RetryWaits()[n - 1];
        Time.Advance(wait);
        return wait;
    }

    /// <summary>Waits until an attempt's timeout timer exists, then lets it expire.</summary>
    public async Task ExpireAttemptAsync(int n)
    {
        await Wait.UntilAsync(() => Time.Timers.Count(t => t == RequestTimeout) >= n, TimeSpan.FromSeconds(10), $"attempt #{n} has its timeout");
        Time.Advance(RequestTimeout);
    }

    public List<TimeSpan> RetryWaits() => [.. Time.Timers.Where(t => t < RequestTimeout)];

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await Api.DisposeAsync();
        _http.Dispose();
        await _services.DisposeAsync();
    }
}
