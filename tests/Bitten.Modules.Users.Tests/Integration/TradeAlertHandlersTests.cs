using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Integration;

public sealed class TradeAlertHandlersTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task MissionCreated_WhenAnnouncedTwice_AlertsOnceWithAMiniAppButtonIntoTheHud()
    {
        await using var host = await StartAsync(("Telegram:MiniAppUrl", "https://bitten.example/hud"));
        var users = await AddUsersAsync(host, 1, 9100);
        var mission = Mission(users[0], "01JDMISSION0000000000000001", fireable: true);

        await PublishAsync(host, mission);
        await PublishAsync(host, mission);
        await Wait.UntilAsync(() => _api.CallsTo("sendMessage").Count == 1, TimeSpan.FromSeconds(15), "the alert is sent");

        var body = _api.CallsTo("sendMessage")[0].Json;
        body.GetProperty("chat_id").GetInt64().ShouldBe(9100);
        body.GetProperty("text").GetString()!.ShouldContain("<b>EURUSD BUY</b>");
        body.GetProperty("text").GetString()!.ShouldContain("Volume <b>0.25</b> lots");
        body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("web_app").GetProperty("url").GetString()
            .ShouldBe("https://bitten.example/hud?mission=01JDMISSION0000000000000001");
        (await host.InScopeAsync<UsersDbContext, int>(db => db.Alerts.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task MissionCreated_WhenViewOnly_ExplainsWhy()
    {
        await using var host = await StartAsync();
        var users = await AddUsersAsync(host, 1, 9200);

        await PublishAsync(host, Mission(users[0], "01JDMISSION0000000000000002", fireable: false));
        await Wait.UntilAsync(() => _api.CallsTo("sendMessage").Count == 1, TimeSpan.FromSeconds(15), "the alert is sent");

        _api.CallsTo("sendMessage")[0].Json.GetProperty("text").GetString()!.ShouldContain("View only: no terminal is linked");
    }

    /// <summary>
    /// The load figure: one signal's alerts to 5,000 users at the configured global rate, against a fake
    /// Bot API that answers 429 to anything beyond 30 messages in a second or 1 per chat per second. The fake clock
    /// is advanced whenever the sender has nothing it may send yet, so this checks correctness, not speed
    /// (bench/Bitten.Bench.Users measures the wall time).
    /// </summary>
    [Fact]
    public async Task MissionCreated_WhenOneSignalReaches5000Users_DeliversEveryAlertOnceWithZero429s()
    {
        const int count = 5_000;
        await using var host = await StartAsync(("Alerts:GlobalPerSecond", "30"), ("Telegram:MaxAttempts", "1"));
        _api.EnforceSendLimits(30, TimeSpan.FromSeconds(1));
        var users = await AddUsersAsync(host, count, 200_000);
        var started = host.Clock.GetUtcNow();

        for (var i = 0; i < count; i++)
        {
            await PublishAsync(host, Mission(users[i], $"01JDLOAD{i:D18}", fireable: true));
        }

        var lastSeen = -1;
        await Wait.UntilAsync(() =>
        {
            var sent = _api.CallsTo("sendMessage").Count;
            if (sent >= count)
            {
                return true;
            }

            if (sent == lastSeen)
            {
                host.Clock.Advance(TimeSpan.FromMilliseconds(250)); // the sender waits for the pacer's next slot on this clock
            }

            lastSeen = sent;
            return false;
        }, TimeSpan.FromMinutes(3), "all 5,000 alerts are sent");
        await Wait.UntilAsync(async () => await host.InScopeAsync<UsersDbContext, int>(db => db.Alerts.CountAsync(a => a.Status == AlertStatus.Sent)) == count,
            TimeSpan.FromSeconds(30), "every alert is marked sent");

        _api.TooManyRequestsAnswered.ShouldBe(0);
        var calls = _api.CallsTo("sendMessage");
        calls.Count.ShouldBe(count);
        calls.Select(c => c.Json.GetProperty("chat_id").GetInt64()).Distinct().Count().ShouldBe(count);
        var fakeSeconds = (calls[^1].At - started).TotalSeconds;
        fakeSeconds.ShouldBeGreaterThanOrEqualTo((count / 30) - 1, "30 per second cannot deliver 5,000 faster (fake clock)");
    }

    private (string, string?)[] Settings((string, string?)[] extra) =>
        [("Telegram:ApiBaseUrl", _api.BaseUrl), ("Alerts:SenderEnabled", "true"), .. extra];

    private async Task<UsersTestHost> StartAsync(params (string, string?)[] extra)
    {
        var host = await UsersTestHost.StartAsync(Settings(extra));
        _api.Clock = host.Clock;
        return host;
    }

    private static async Task<List<UserId>> AddUsersAsync(UsersTestHost host, int count, long firstTelegramId) =>
        await host.InScopeAsync<UsersDbContext, List<UserId>>(async db =>
        {
            var rows = Enumerable.Range(0, count).Select(i => new UserRecord
            {
                TelegramId = firstTelegramId + i,
                DisplayName = $"U{i}",
                Tier = "NIBBLER",
                ReferralCode = $"R{firstTelegramId + i}",
                CreatedAtMs = 1,
            }).ToList();
            db.Users.AddRange(rows);
            await db.SaveChangesAsync();
            return [.. rows.Select(r => new UserId(r.Id))];
        });

    private static Task PublishAsync(UsersTestHost host, MissionCreated mission) =>
        host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IMediator>().Publish(mission);
            return 0;
        });

    private static MissionCreated Mission(UserId user, string id, bool fireable) => new(
        new MissionId(id), user, new SignalId("01JDSIGNAL0000000000000001"), "EURUSD", Side.Buy, "LIQUIDITY_SWEEP_REVERSAL",
        1.08500m, 1.08300m, 1.08900m, fireable ? 0.25m : 0m, fireable ? 50m : 0m, fireable ? 100m : 0m, "USD",
        0.68, 0.4, 0.8, fireable, fireable ? null : "no terminal is linked to your account: link a terminal with /link",
        DateTimeOffset.FromUnixTimeSeconds(1_800_000_900), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
}
