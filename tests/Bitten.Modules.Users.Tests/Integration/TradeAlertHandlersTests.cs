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
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Tests.Integration;

public sealed class TradeAlertHandlersTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task MissionsCreated_WhenAnnouncedTwice_AlertsOnceWithAMiniAppButtonIntoTheHud()
    {
        await using var host = await StartAsync(("Telegram:MiniAppUrl", "https://bitten.example/hud"));
        var users = await AddUsersAsync(host, 1, 9100);
        var mission = Mission(users[0], "01JDMISSION0000000000000001", fireable: true);

        await PublishAsync(host, [mission]);
        await PublishAsync(host, [mission]);
        await Wait.UntilAsync(() => _api.CallsTo("sendMessage").Count == 1, TimeSpan.FromSeconds(15), "the alert is sent");

        var body = _api.CallsTo("sendMessage")[0].Json;
        body.GetProperty("chat_id").GetInt64().ShouldBe(9100);
        body.GetProperty("text").GetString()!.ShouldContain("<b>EURUSD BUY</b>");
        body.GetProperty("text").GetString()!.ShouldContain("Volume <b>0.25</b> lots");
        var row = body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        row[0].GetProperty("callback_data").GetString().ShouldBe("fire:01JDMISSION0000000000000001");
        row[1].GetProperty("web_app").GetProperty("url").GetString().ShouldBe("https://bitten.example/hud?mission=01JDMISSION0000000000000001");
        (await host.InScopeAsync<UsersDbContext, int>(db => db.Alerts.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task MissionsCreated_WhenViewOnly_ExplainsWhy()
    {
        await using var host = await StartAsync();
        var users = await AddUsersAsync(host, 1, 9200);

        await PublishAsync(host, [Mission(users[0], "01JDMISSION0000000000000002", fireable: false)]);
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
    public async Task MissionsCreated_WhenOneSignalReaches5000Users_DeliversEveryAlertOnceWithZero429s()
    {
        const int count = 5_000;
        await using var host = await StartAsync(("Alerts:GlobalPerSecond", "30"), ("Telegram:MaxAttempts", "1"));
        _api.EnforceSendLimits(30, TimeSpan.FromSeconds(1));
        var users = await AddUsersAsync(host, count, 200_000);
        var started = host.Clock.GetUtcNow();

        await PublishAsync(host, [.. Enumerable.Range(0, count).Select(i => Mission(users[i], $"01JDLOAD{i:D18}", fireable: true))]);

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

    [Fact]
    public async Task MissionsCreated_WhenABatchIsReplayedAndExtended_WritesEachAlertOnceWithoutAnErrorLog()
    {
        var logs = new CapturingLoggerProvider();
        var host = UsersTestHost.Create(services => services.AddSingleton<ILoggerProvider>(logs), Settings([("Alerts:SenderEnabled", "false")]));
        await using var started = await UsersTestHost.StartAsync(host);
        var users = await AddUsersAsync(host, 300, 400_000);
        var missions = Enumerable.Range(0, 300).Select(i => Mission(users[i], $"01JDBATCH{i:D17}", fireable: i % 2 == 0)).ToList();

        await PublishAsync(host, missions[..200]); // a fan-out's batch
        await PublishAsync(host, missions[..200]); // the recovery announcing it again
        await PublishAsync(host, missions); // a batch overlapping it

        var rows = await host.InScopeAsync<UsersDbContext, List<AlertRecord>>(db => db.Alerts.AsNoTracking().OrderBy(a => a.UserId).ToListAsync());
        rows.Count.ShouldBe(300);
        rows.Select(r => r.DedupeKey).ShouldBe(missions.Select(m => $"mission:{m.MissionId.Value}"));
        rows.ShouldAllBe(r => r.Status == AlertStatus.Pending && r.Kind == AlertKind.SignalAlert && !r.Silent);
        rows[0].KeyboardJson!.ShouldContain("fire:01JDBATCH00000000000000000");
        rows[1].KeyboardJson.ShouldBeNull("a view-only mission has no FIRE button (and no Mini App URL is configured)");
        logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Warning", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task MissionsCreated_WhenSomeUsersAreMutedInactiveOrUnknown_QueuesOnlyTheOthersSilentlyWhereAsked()
    {
        await using var host = await StartAsync(("Alerts:SenderEnabled", "false"));
        var users = await AddUsersAsync(host, 4, 500_000);
        await host.InScopeAsync<UsersDbContext, int>(async db =>
        {
            db.Add(new NotificationSettingRecord { UserId = users[0].Value, Event = AlertKind.SignalAlert, Mode = NotificationMode.Off });
            db.Add(new NotificationSettingRecord { UserId = users[1].Value, Event = AlertKind.SignalAlert, Mode = NotificationMode.Silent });
            db.Add(new NotificationSettingRecord { UserId = users[3].Value, Event = AlertKind.FireResult, Mode = NotificationMode.Off });
            await db.SaveChangesAsync();
            return await db.Users.Where(u => u.Id == users[2].Value).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        });

        await PublishAsync(host, [.. users.Select((u, i) => Mission(u, $"01JDMUTE{i:D18}", fireable: true)), Mission(new UserId(987_654), "01JDMUTE999999999999999999", fireable: true)]);

        var rows = await host.InScopeAsync<UsersDbContext, List<AlertRecord>>(db => db.Alerts.AsNoTracking().OrderBy(a => a.UserId).ToListAsync());
        rows.Select(r => (r.UserId, r.Silent)).ShouldBe([(users[1].Value, true), (users[3].Value, false)]);
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

    private static Task PublishAsync(UsersTestHost host, IReadOnlyList<MissionCreated> missions) =>
        host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IMediator>().Publish(new MissionsCreated(new SignalId("01JDSIGNAL0000000000000001"), missions, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000)));
            return 0;
        });

    private static MissionCreated Mission(UserId user, string id, bool fireable) => new(
        new MissionId(id), user, new SignalId("01JDSIGNAL0000000000000001"), "EURUSD", Side.Buy, "LIQUIDITY_SWEEP_REVERSAL",
        1.08500m, 1.08300m, 1.08900m, fireable ? 0.25m : 0m, fireable ? 50m : 0m, fireable ? 100m : 0m, "USD",
        0.68, 0.4, 0.8, fireable, fireable ? null : "no terminal is linked to your account: link a terminal with /link",
        DateTimeOffset.FromUnixTimeSeconds(1_800_000_900), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
}

/// <summary>Every log line of a host, formatted with its level first.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {exception}");
    }
}
