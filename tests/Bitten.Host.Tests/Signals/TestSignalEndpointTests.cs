using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bitten.Contracts.Hosting;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Zmq;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Signals;

/// <summary>
/// The operators' test signal (Modules:Signals:TestSignals, used by bench/Bitten.Bench.Load): an admin queues it, the
/// symbol's next tick over the real feed socket becomes a stored, published signal; off by default.
/// </summary>
public sealed class TestSignalEndpointTests : IDisposable
{
    private const long AdminTelegramId = 880_001;
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram()
        .WithSetting("Auth:AdminTelegramIds:0", AdminTelegramId.ToString(CultureInfo.InvariantCulture))
        .WithSetting("Modules:Signals:FeedSources:0", "feed-1")
        .WithSetting("Modules:Signals:FeedCredentials:feed-1", "right-token");

    [Fact]
    public async Task TestSignal_WhenQueuedByAnAdmin_TheSymbolsNextTickBecomesAStoredSignal()
    {
        _factory.WithSetting("Modules:Signals:TestSignals", "true");
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);

        using var queued = await admin.PostAsJsonAsync(new Uri("/api/admin/signals/test", UriKind.Relative), new { symbol = "eurusd", side = "SELL" });
        await using var push = await ConnectAsync(_factory.Services);
        await push.SendAsync(Encoding.UTF8.GetBytes(Tick(1.1000, 1.1001))).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        JsonElement signal = default;
        await Wait.UntilAsync(async () =>
        {
            using var json = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/signals?symbol=EURUSD", UriKind.Relative)));
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            signal = items.Count == 1 ? items[0].Clone() : default;
            return items.Count == 1;
        }, TimeSpan.FromSeconds(30), "the next EURUSD tick makes the queued test signal");
        signal.GetProperty("pattern").GetString().ShouldBe("test_signal");
        signal.GetProperty("side").GetString().ShouldBe("SELL");
        var audit = await admin.GetStringAsync(new Uri("/api/admin/audit?action=signals.test", UriKind.Relative));
        JsonDocument.Parse(audit).RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task TestSignal_WhenTheSettingIsOff_Answers404AndQueuesNothing()
    {
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);

        using var response = await admin.PostAsJsonAsync(new Uri("/api/admin/signals/test", UriKind.Relative), new { symbol = "EURUSD", side = "BUY" });

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Modules:Signals:TestSignals");
    }

    [Theory]
    [InlineData("BTCUSD", "BUY", "symbol")]
    [InlineData("EURGBP", "BUY", "symbol")] // a reserve symbol makes no signals
    [InlineData("EURUSD", "LONG", "side")]
    public async Task TestSignal_WhenTheRequestIsInvalid_Answers400NamingTheField(string symbol, string side, string field)
    {
        _factory.WithSetting("Modules:Signals:TestSignals", "true");
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);

        using var response = await admin.PostAsJsonAsync(new Uri("/api/admin/signals/test", UriKind.Relative), new { symbol, side });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parameter").GetString().ShouldBe(field);
    }

    private static async Task<ZmqSocket> ConnectAsync(IServiceProvider services)
    {
        var port = await services.GetRequiredService<BoundEndpoints>().PortAsync("feed").WaitAsync(TimeSpan.FromSeconds(30));
        var push = new ZmqSocket(ZmqSocketType.Push, new ZmqSocketOptions { SendTimeout = TimeSpan.FromSeconds(10) });
        push.Connect($"tcp://127.0.0.1:{port}");
        return push;
    }

    private static string Tick(double bid, double ask) =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"type":"tick","ea_id":"feed-1","ea_token":"right-token","symbol":"EURUSD","bid":{{bid}},"ask":{{ask}},"ts_ms":{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}}""");

    public void Dispose() => _factory.Dispose();
}
