using System.Globalization;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Hosting;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Zmq;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bitten.Host.Tests.Signals;

/// <summary>Hostile and broken feed input over the real PULL socket: each is counted under its reason and the engine keeps going.</summary>
public sealed class FeedRobustnessTests : IDisposable
{
    // A Tuesday in London hours, so nothing is suspended for the weekend.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly BittenAppFactory _factory = new BittenAppFactory()
        .WithSetting("Modules:Signals:FeedSources:0", "feed-1")
        .WithSetting("Modules:Signals:FeedCredentials:feed-1", "right-token")
        .WithSetting("Modules:Signals:FeedCredentials:other-ea", "other-token");

    private long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    [Fact]
    public async Task Feed_WhenEveryKindOfBadInputArrives_CountsEachUnderItsReasonAndKeepsAcceptingTicks()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var http = app.CreateClient();
        await using var push = await ConnectAsync(app.Services);

        Send(push, Tick(1.1000, 1.1001, NowMs));
        Send(push, "{not json");
        Send(push, """{"type":"tick","ea_id":"feed-1","ea_token":"right-token","symbol":"EURUSD","bid":NaN,"ask":1.1,"ts_ms":1}""");
        Send(push, Tick(-1.1, 1.1001, NowMs));
        Send(push, Tick(1.1002, 1.1000, NowMs));
        Send(push, Tick(1.1000, 1.1001, NowMs, symbol: "BTCUSD"));
        Send(push, Tick(1.1000, 1.1001, NowMs, token: "wrong-token"));
        Send(push, Tick(1.1000, 1.1001, NowMs, ea: "other-ea", token: "other-token"));
        Send(push, Tick(1.1000, 1.1001, NowMs - 120_000));
        Send(push, Tick(1.1001, 1.1002, NowMs + 1_000));

        var expected = new Dictionary<string, int>
        {
            ["malformed_json"] = 2, ["bad_price"] = 1, ["ask_below_bid"] = 1, ["unknown_symbol"] = 1,
            ["unauthenticated"] = 1, ["not_a_feed_source"] = 1, ["out_of_order"] = 1,
        };
        await Wait.UntilAsync(async () =>
        {
            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return expected.All(e => metrics.Contains($"bitten_ticks_rejected_total{{reason=\"{e.Key}\"}} {e.Value}\n", StringComparison.Ordinal))
                && metrics.Contains("bitten_ticks_in_total 2\n", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "every rejection is counted under its reason and both good ticks are accepted");
    }

    [Fact]
    public async Task Feed_WhenAFrameIsTenMegabytes_DropsThatConnectionUnreadAndTheFeedGoesOn()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var http = app.CreateClient();
        await using (var hostile = await ConnectAsync(app.Services))
        {
            hostile.TrySend(new byte[10 * 1024 * 1024]).ShouldBe(ZmqSendResult.Sent);
            await Wait.UntilAsync(async () => (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)))
                .Contains("bitten_zmq_drops_total{reason=\"MessageTooLarge\",socket=\"feed\"} 1", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), "the oversized frame is counted as MessageTooLarge on the feed socket");
        }

        await using var honest = await ConnectAsync(app.Services);
        Send(honest, Tick(1.1000, 1.1001, NowMs));
        await Wait.UntilAsync(async () => (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("bitten_ticks_in_total 1\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "a well-behaved EA is still served");
    }

    [Fact]
    public async Task Health_WhenASymbolFeedGoesQuietAndResumes_ShowsItSuspendedThenActive()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var http = app.CreateClient();
        await using var push = await ConnectAsync(app.Services);

        Send(push, Tick(1.1000, 1.1001, NowMs));
        await Wait.UntilAsync(async () => !Suspended(await FeedAsync(http), "EURUSD"), TimeSpan.FromSeconds(30), "EURUSD is live after a tick");

        _clock.Advance(TimeSpan.FromSeconds(61));
        var quiet = await FeedAsync(http);
        Suspended(quiet, "EURUSD").ShouldBeTrue();
        quiet.GetProperty("status").GetString().ShouldBe("Degraded");

        Send(push, Tick(1.1001, 1.1002, NowMs));
        await Wait.UntilAsync(async () => !Suspended(await FeedAsync(http), "EURUSD"), TimeSpan.FromSeconds(30), "EURUSD resumes with the next tick");
    }

    [Fact]
    public async Task Bars_WhenTicksCrossMinutes_AreStoredServedAndWarmTheNextStart()
    {
        var factory = _factory.WithTelegram();
        using (var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)))))
        {
            using var http = await app.CreateClient().SignInAsync(4242, at: _clock.GetUtcNow());
            await using var push = await ConnectAsync(app.Services);
            var t0 = NowMs - (NowMs % 60_000);
            foreach (var (offset, bid) in new[] { (1_000L, 1.1000), (30_000L, 1.1010), (59_000L, 1.0990), (61_000L, 1.1005), (125_000L, 1.1007) })
            {
                Send(push, Tick(bid, bid + 0.0001, t0 + offset));
            }

            JsonElement bars = default;
            await Wait.UntilAsync(async () =>
            {
                using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/market/EURUSD/bars?tf=M1&count=10", UriKind.Relative)));
                bars = json.RootElement.GetProperty("bars").Clone();
                return bars.GetArrayLength() == 2;
            }, TimeSpan.FromSeconds(30), "the two closed M1 bars are stored");
            bars[0].GetProperty("t").GetInt64().ShouldBe(t0);
            bars[0].GetProperty("h").GetDecimal().ShouldBe(1.10105m);
            bars[0].GetProperty("l").GetDecimal().ShouldBe(1.09905m);
            bars[0].GetProperty("c").GetDecimal().ShouldBe(1.09905m);
            bars[0].GetProperty("v").GetInt32().ShouldBe(3);
        }

        // A new process on the same data folder replays the stored bars into the engine before any tick.
        using var restarted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var again = restarted.CreateClient();
        await Wait.UntilAsync(async () => (await again.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("bitten_bars_closed_total 0\n", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the restarted engine is up");
        var runtime = restarted.Services.GetRequiredService<Bitten.Modules.Signals.Engine.SignalsRuntime>();
        await Wait.UntilAsync(() => runtime.Engine is not null, TimeSpan.FromSeconds(30), "the engine warmed from the store");
        runtime.Engine!.State(runtime.Symbols.IndexOf("EURUSD")).Candles.LastTickMs.ShouldBeGreaterThan(0, "warm restart resumes the candle clock from the stored bars");
    }

    private static bool Suspended(JsonElement feed, string symbol) =>
        feed.GetProperty("data").GetProperty("symbols").GetProperty(symbol).GetProperty("suspended").GetBoolean();

    private static async Task<JsonElement> FeedAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").GetProperty("feed").Clone();
    }

    private static async Task<ZmqSocket> ConnectAsync(IServiceProvider services)
    {
        var port = await services.GetRequiredService<BoundEndpoints>().PortAsync("feed").WaitAsync(TimeSpan.FromSeconds(30));
        var push = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { SendTimeout = TimeSpan.FromSeconds(10) });
        push.Connect($"tcp://127.0.0.1:{port}");
        return push;
    }

    private static void Send(ZmqSocket push, string json) =>
        push.SendAsync(Encoding.UTF8.GetBytes(json)).AsTask().Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue("the feed accepts the frame");

    private static string Tick(double bid, double ask, long ts, string symbol = "EURUSD", string ea = "feed-1", string token = "right-token") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"type":"tick","ea_id":"{{ea}}","ea_token":"{{token}}","symbol":"{{symbol}}","bid":{{bid}},"ask":{{ask}},"ts_ms":{{ts}}}""");

    public void Dispose() => _factory.Dispose();
}
