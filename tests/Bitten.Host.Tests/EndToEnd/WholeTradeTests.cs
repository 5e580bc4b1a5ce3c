using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Host.Scheduling;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Bitten.Simulator.Protocol;
using Bitten.Zmq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit.Abstractions;

namespace Bitten.Host.Tests.EndToEnd;

/// <summary>
/// The whole trade, as the embedded default runs it: the host with no feed configured (so the built-in simulator is the
/// feed and the demo subscriber's terminal) on random ports, the simulator at x120 after its warm-up, Telegram pointed
/// at a fake Bot API. The host's clock reads a Wednesday morning whatever the real day is (the market calendar and the
/// weekend guard apply as on a weekday). Nothing in the chain is bypassed: the test only signs in, fires over HTTP and
/// triggers the drill-report job when the trade has closed.
/// </summary>
public sealed class WholeTradeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Stage = TimeSpan.FromMinutes(4); // generous: a loaded 2-core machine
    private readonly ConcurrentDictionary<string, string> _published = new(StringComparer.Ordinal);
    private FakeBotApi _bot = null!;
    private WholeTradeFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _bot = await FakeBotApi.StartAsync();
        _factory = new WholeTradeFactory(ShiftedTimeProvider.To(DayOfWeek.Wednesday, TimeSpan.FromHours(10)));
        _factory.WithTelegram()
            .WithSetting("Telegram:ApiBaseUrl", _bot.BaseUrl)
            .WithSetting("Simulator:Speed", "120")
            .WithSetting("Simulator:WarmUp", "03:00:00") // the demo's default (the test factory turns it off)
            .WithSetting("Modules:Gamification:DrillReport:LocalHour", "0")
            .WithSetting("Modules:Gamification:DrillReport:Cron", "0 0 0 1 1 ? 2099"); // run on demand below
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task EmbeddedDefault_OneTrade_GoesFromTickToDrillReport()
    {
        using var client = _factory.CreateClient();
        var services = _factory.Services;
        var ports = services.GetRequiredService<BoundEndpoints>();

        // Subscribe to PUB 5557 as any signal consumer would.
        await using var sub = new ZmqSocket(ZmqSocketType.Sub);
        sub.Subscribe(string.Empty);
        sub.Connect($"tcp://127.0.0.1:{await ports.PortAsync("signals").WaitAsync(Stage)}");
        using var stopReading = new CancellationTokenSource();
        var reading = Task.Run(() => ReadSignalsAsync(sub, stopReading.Token));

        var subscriberId = await SignInAsDemoSubscriberAsync(client);
        var ea = services.GetRequiredService<PaperEaService>();

        // tick → bar → signal → mission → fire: fire the newest pending mission; a fire may be refused only because the
        // simulated price has already moved too far (drift), the mission just expired or its TCS is below the day's tactic's
        // floor, then the next mission is tried.
        await Wait.UntilAsync(() => ea.WarmedUp, Stage, "the simulator finished its warm-up (its clock now runs at x120)");
        var xpBefore = await XpAsync(client);
        var refusals = new List<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal); // each mission once: fires are rate-limited per user
        string? fireId = null;
        JsonElement mission = default;
        await Wait.UntilAsync(async () =>
        {
            foreach (var m in await PendingMissionsAsync(client))
            {
                var id = m.GetProperty("mission_id").GetString()!;
                if (!tried.Add(id))
                {
                    continue;
                }

                using var fire = await client.PostAsync(new Uri($"/api/missions/{id}/fire", UriKind.Relative), null);
                var body = await fire.Content.ReadAsStringAsync();
                if (fire.StatusCode == HttpStatusCode.Accepted)
                {
                    fireId = JsonDocument.Parse(body).RootElement.GetProperty("fire_id").GetString();
                    mission = m;
                    return true;
                }

                refusals.Add($"{(int)fire.StatusCode} {body}");
                if (body.Contains("\"refusal\":\"TacticRule\"", StringComparison.Ordinal))
                {
                    body.ShouldContain("needs TCS", Case.Sensitive, $"the day's tactic may refuse a low-TCS mission, never for a shot count: {body}");
                    continue; // LONE_WOLF (the default tactic) needs TCS ≥ 74: the simulator's signals are sometimes just below
                }

                body.ShouldMatch("\"refusal\":\"(PriceMoved|Expired|AlreadyFired)\"", $"only a moved price, an expired mission or the tactic's TCS floor may refuse: {body}");
            }

            return false;
        }, Stage, "a pending mission of the demo subscriber was fired");
        output.WriteLine($"fired mission {mission.GetProperty("mission_id")} → fire {fireId} after {refusals.Count} refusals: {string.Join(" | ", refusals)}");
        fireId.ShouldNotBeNull();
        var symbol = mission.GetProperty("symbol").GetString()!;
        var signalId = mission.GetProperty("signal_id").GetString()!;

        // The signal behind it: built from bars the simulator's ticks made, stored, and published on PUB.
        using (var bars = await client.GetAsync(new Uri($"/api/market/{symbol}/bars?tf=M5&count=10", UriKind.Relative)))
        {
            bars.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await bars.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("bars").GetArrayLength().ShouldBeGreaterThan(0, "the simulator's ticks were built into M5 bars");
        }

        using (var stored = await client.GetAsync(new Uri($"/api/signals/{signalId}", UriKind.Relative)))
        {
            stored.StatusCode.ShouldBe(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        }

        await Wait.UntilAsync(() => _published.ContainsKey(signalId), Stage, $"signal {signalId} arrived on the PUB socket");
        _published[signalId].ShouldBe("signal." + symbol);

        // The paper EA received the fire command over the ROUTER socket and filled it.
        await Wait.UntilAsync(() => ea.FiresReceived.Contains(fireId), Stage, $"the simulator received fire {fireId}");
        await Wait.UntilAsync(async () => (await TimelineAsync(client, fireId)).Contains("FILLED"), Stage, $"fire {fireId} was filled");

        // The paper broker closes it on a later tick at its stop or its target; the close report settles it.
        await Wait.UntilAsync(async () => (await TimelineAsync(client, fireId)).Contains("CLOSED"), Stage, $"fire {fireId} closed");
        using var fireDoc = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/fires/{fireId}", UriKind.Relative)));
        var closed = fireDoc.RootElement.GetProperty("fire");
        closed.GetProperty("status").GetString().ShouldBe("CLOSED");
        var closeDetail = fireDoc.RootElement.GetProperty("timeline").EnumerateArray().Last(e => e.GetProperty("status").GetString() == "CLOSED").GetProperty("detail").GetString() ?? string.Empty;
        closeDetail.ShouldMatch(@"closed \((StopLoss|TakeProfit)\)");
        var r = closed.GetProperty("r_multiple").GetDouble();
        closed.GetProperty("result").GetString().ShouldBeOneOf("WIN", "LOSS", "BREAKEVEN");
        output.WriteLine($"fire {fireId}: {closeDetail}, R {r}, profit {closed.GetProperty("profit")}");

        // Outcome stored on the mission, XP awarded.
        await Wait.UntilAsync(async () => (await MissionStatusAsync(client, mission.GetProperty("mission_id").GetString()!)) == "CLOSED", Stage, "the mission is CLOSED");
        await Wait.UntilAsync(async () => await XpAsync(client) > xpBefore, Stage, "XP was awarded for the trade");

        // The fill's XP alone satisfies the wait above: the report must also wait for Gamification to record the close.
        await Wait.UntilAsync(async () => TradesSection(await client.GetStringAsync(new Uri("/api/me/export", UriKind.Relative))).Contains(fireId, StringComparison.Ordinal),
            Stage, $"Gamification recorded the close of fire {fireId}");

        // The drill report (the job, run now) reflects the day's one trade and its R.
        var scheduler = await services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SchedulerHost>().Single().Scheduler.WaitAsync(Stage);
        await scheduler.TriggerJob(new JobKey("gamification.drill-report"));
        var net = r.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
        await Wait.UntilAsync(() => _bot.CallsTo("sendMessage").Any(c => ChatId(c) == DemoSubscriberChat && c.Body.Contains("DRILL REPORT", StringComparison.Ordinal)),
            Stage, "the drill report was sent");
        var report = _bot.CallsTo("sendMessage").Last(c => ChatId(c) == DemoSubscriberChat && c.Body.Contains("DRILL REPORT", StringComparison.Ordinal)).Json.GetProperty("text").GetString()!;
        output.WriteLine(report);
        report.ShouldContain("Trades: 1 ");
        report.ShouldContain($"Net: {net} R");
        subscriberId.ShouldBeGreaterThan(0);

        // The mission's Telegram alert went to the demo subscriber's chat through the (fake) Bot API.
        await Wait.UntilAsync(() => _bot.CallsTo("sendMessage").Any(c => ChatId(c) == DemoSubscriberChat && c.Body.Contains(symbol, StringComparison.Ordinal) && !c.Body.Contains("DRILL REPORT", StringComparison.Ordinal)),
            Stage, $"a Telegram alert for the {symbol} mission was sent");

        await stopReading.CancelAsync();
        await reading;
    }

    private const long DemoSubscriberChat = -2; // the demo subscriber's (negative, never real) Telegram id

    private static long? ChatId(RecordedCall call) =>
        call.Json.TryGetProperty("chat_id", out var chat) && chat.ValueKind == JsonValueKind.Number ? chat.GetInt64() : null;

    private async Task ReadSignalsAsync(ZmqSocket sub, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var message = await sub.ReceiveAsync(ct);
                var json = JsonDocument.Parse(message.GetFrameMemory(message.FrameCount - 1)).RootElement;
                var id = json.TryGetProperty("signal_id", out var s) ? s.GetString() : null;
                if (id is not null)
                {
                    _published[id] = message.GetString(0);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<long> SignInAsDemoSubscriberAsync(HttpClient client)
    {
        var services = _factory.Services;
        long userId = 0;
        await Wait.UntilAsync(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UsersDbContext>();
            userId = await db.Users.Where(u => u.TelegramId == DemoSubscriberChat).Select(u => u.Id).FirstOrDefaultAsync();
            return userId > 0;
        }, Stage, "the embedded default seeded the demo subscriber");

        string code;
        await using (var scope = services.CreateAsyncScope())
        {
            (code, _) = await scope.ServiceProvider.GetRequiredService<LoginLinkService>().IssueAsync(new UserId(userId), CancellationToken.None);
        }

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login-link", UriKind.Relative), new { code });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return userId;
    }

    private static async Task<IReadOnlyList<JsonElement>> PendingMissionsAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/missions?status=pending", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("fireable").GetBoolean()).Select(m => m.Clone())];
    }

    private static async Task<string?> MissionStatusAsync(HttpClient client, string missionId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/missions/{missionId}", UriKind.Relative)));
        return json.RootElement.GetProperty("mission").GetProperty("status").GetString();
    }

    private static async Task<IReadOnlyList<string>> TimelineAsync(HttpClient client, string fireId)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/fires/{fireId}", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("status").GetString()!)];
    }

    /// <summary>The raw text of the export's Gamification <c>trades</c> section (empty when absent).</summary>
    private static string TradesSection(string export)
    {
        using var doc = JsonDocument.Parse(export);
        return Find(doc.RootElement) ?? string.Empty;

        static string? Find(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals("trades") && p.Value.ValueKind == JsonValueKind.Array)
                    {
                        return p.Value.GetRawText();
                    }

                    if (Find(p.Value) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }
    }

    private static async Task<long> XpAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me/progress", UriKind.Relative)));
        return json.RootElement.GetProperty("earned_xp").GetInt64();
    }

    /// <summary>The host with its clock on the given (shifted) time provider.</summary>
    private sealed class WholeTradeFactory(TimeProvider clock) : BittenAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}
