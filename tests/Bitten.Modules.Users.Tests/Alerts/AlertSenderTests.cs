using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Alerts;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Alerts;

public sealed class AlertSenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Queue_WhenSenderRuns_DeliversHtmlWithMiniAppButtonToTheUsersChat()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5001);

        var outcome = await QueueAsync(host, user, AlertKind.SignalAlert, "<b>EURUSD</b> BUY 1.0850", "signal:1",
            [new AlertButton("Open mission", "https://hud.example/m/1", OpenAsMiniApp: true)]);
        await Wait.UntilAsync(() => _api.CallsTo("sendMessage").Count == 1, Timeout, "the alert is sent");
        await Wait.UntilAsync(async () => (await StatusesAsync(host)).SequenceEqual([AlertStatus.Sent]), Timeout, "the alert is marked sent");

        outcome.ShouldBe(AlertQueueOutcome.Queued);
        var body = _api.CallsTo("sendMessage")[0].Json;
        body.GetProperty("chat_id").GetInt64().ShouldBe(5001);
        body.GetProperty("parse_mode").GetString().ShouldBe("HTML");
        body.GetProperty("text").GetString().ShouldBe("<b>EURUSD</b> BUY 1.0850");
        body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("web_app").GetProperty("url").GetString().ShouldBe("https://hud.example/m/1");
        body.TryGetProperty("disable_notification", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Queue_WhenSameDedupeKeyTwice_SendsOnce()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5002);

        var first = await QueueAsync(host, user, AlertKind.SignalAlert, "one", "signal:7");
        var second = await QueueAsync(host, user, AlertKind.SignalAlert, "one again", "signal:7");
        await Wait.UntilAsync(async () => (await StatusesAsync(host)).All(s => s == AlertStatus.Sent), Timeout, "the alert is sent");

        first.ShouldBe(AlertQueueOutcome.Queued);
        second.ShouldBe(AlertQueueOutcome.Duplicate);
        _api.CallsTo("sendMessage").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Queue_WhenUserSetKindOffOrSilent_SkipsOrSendsSilently()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5003);
        await host.InScopeAsync<UsersDbContext, int>(db =>
        {
            db.NotificationSettings.Add(new NotificationSettingRecord { UserId = user.Value, Event = AlertKind.DrillReport, Mode = NotificationMode.Off });
            db.NotificationSettings.Add(new NotificationSettingRecord { UserId = user.Value, Event = AlertKind.TradeClosed, Mode = NotificationMode.Silent });
            return db.SaveChangesAsync();
        });

        var off = await QueueAsync(host, user, AlertKind.DrillReport, "drill", "drill:1");
        var silent = await QueueAsync(host, user, AlertKind.TradeClosed, "closed +1R", "trade:1");
        await Wait.UntilAsync(() => _api.CallsTo("sendMessage").Count == 1, Timeout, "the silent alert is sent");

        off.ShouldBe(AlertQueueOutcome.MutedByUser);
        silent.ShouldBe(AlertQueueOutcome.Queued);
        _api.CallsTo("sendMessage")[0].Json.GetProperty("disable_notification").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Send_WhenUserBlockedTheBot_MarksUserInactiveDropsTheRestAndRevokesEaAccess()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5004);
        var ea = (await host.InScopeAsync<EaLinkService, LinkResult>(s => s.LinkAsync(user, null, CancellationToken.None))).Credentials!;
        (await ValidateAsync(host, ea)).Valid.ShouldBeTrue();
        _api.Script("sendMessage", Scripted.Error(403, "Forbidden: bot was blocked by the user"));

        await host.InScopeAsync<UsersDbContext, int>(async db =>
        {
            var outbox = new AlertOutbox(db, host.Clock, host.App.Services.GetRequiredService<AlertSignal>());
            await outbox.StageAsync(user, AlertKind.SignalAlert, "a", "a", null, CancellationToken.None);
            await outbox.StageAsync(user, AlertKind.SignalAlert, "b", "b", null, CancellationToken.None);
            var saved = await db.SaveChangesAsync();
            outbox.Committed();
            return saved;
        });
        await Wait.UntilAsync(async () => (await StatusesAsync(host)).All(s => s == AlertStatus.Dropped), Timeout, "both alerts are dropped");

        _api.CallsTo("sendMessage").Count.ShouldBe(1);
        (await host.InScopeAsync<UsersDbContext, bool>(db => db.Users.Where(u => u.Id == user.Value).Select(u => u.IsActive).SingleAsync())).ShouldBeFalse();
        (await ValidateAsync(host, ea)).Valid.ShouldBeFalse();
        (await QueueAsync(host, user, AlertKind.SignalAlert, "c", "c")).ShouldBe(AlertQueueOutcome.UserInactive);
    }

    [Fact]
    public async Task Send_WhenServerErrors_RetriesLaterWithBackoffThenSends()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5005);
        _api.Script("sendMessage", Scripted.Error(500, "Internal Server Error"));

        await QueueAsync(host, user, AlertKind.FireResult, "filled", "fire:1");
        await Wait.UntilAsync(async () => (await AlertsAsync(host)).Single().Attempts == 1, Timeout, "the first attempt is recorded");
        var afterFailure = (await AlertsAsync(host)).Single();
        await AdvanceUntilAsync(host, () => _api.CallsTo("sendMessage").Count == 2, "the alert is retried");
        await Wait.UntilAsync(async () => (await StatusesAsync(host)).SequenceEqual([AlertStatus.Sent]), Timeout, "the retry succeeds");

        afterFailure.Status.ShouldBe(AlertStatus.Pending);
        afterFailure.NextAttemptAtMs.ShouldBe(afterFailure.CreatedAtMs + 2_000);
        var calls = _api.CallsTo("sendMessage");
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Send_WhenBadRequest_FailsForGoodWithoutRetry()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5006);
        _api.Script("sendMessage", Scripted.Error(400, "Bad Request: can't parse entities"));

        await QueueAsync(host, user, AlertKind.System, "<b>broken", "sys:1");
        await Wait.UntilAsync(async () => (await StatusesAsync(host)).SequenceEqual([AlertStatus.Failed]), Timeout, "the alert fails");

        (await AlertsAsync(host)).Single().LastError!.ShouldContain("can't parse entities");
        _api.CallsTo("sendMessage").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_WhenSeveralAlertsForOneChat_SpacesThemAtLeastTheChatInterval()
    {
        await using var host = await StartAsync();
        var user = await NewUserAsync(host, 5007);

        for (var i = 0; i < 3; i++)
        {
            await QueueAsync(host, user, AlertKind.SignalAlert, $"alert {i}", $"signal:{i}");
        }

        await AdvanceUntilAsync(host, () => _api.CallsTo("sendMessage").Count == 3, "all three are sent");

        var calls = _api.CallsTo("sendMessage");
        calls.Select(c => c.Json.GetProperty("text").GetString()).ShouldBe(["alert 0", "alert 1", "alert 2"]);
        (calls[1].At - calls[0].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
        (calls[2].At - calls[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Send_WhenMoreAlertsThanTheGlobalLimit_SendsAtMostThatManyPerSecond()
    {
        await using var host = await StartAsync(("Alerts:GlobalPerSecond", "5"));
        for (var i = 0; i < 12; i++)
        {
            await QueueAsync(host, await NewUserAsync(host, 6000 + i), AlertKind.SignalAlert, "go", "signal:1");
        }

        await AdvanceUntilAsync(host, () => _api.CallsTo("sendMessage").Count == 12, "all twelve are sent");

        var times = _api.CallsTo("sendMessage").Select(c => c.At).ToList();
        foreach (var start in times)
        {
            times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)).ShouldBeLessThanOrEqualTo(5);
        }
    }

    [Fact]
    public async Task Restart_WhenAlertsWerePendingAndSomeSent_DeliversEachExactlyOnce()
    {
        using var data = new TemporaryDirectory("users-outbox-restart");
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var users = new List<UserId>();
        await using (var first = await UsersTestHost.StartAsync(UsersTestHost.CreateIn(data.Path, clock, Settings())))
        {
            for (var i = 0; i < 4; i++)
            {
                users.Add(await NewUserAsync(first, 7000 + i));
            }

            await QueueAsync(first, users[0], AlertKind.SignalAlert, "before", "signal:1");
            await Wait.UntilAsync(async () => (await StatusesAsync(first)).SequenceEqual([AlertStatus.Sent]), Timeout, "the first alert is sent");
        }

        await using (var offline = UsersTestHost.CreateIn(data.Path, clock, Settings(("Alerts:SenderEnabled", "false"))))
        {
            foreach (var user in users)
            {
                await QueueAsync(offline, user, AlertKind.SignalAlert, "while down", "signal:2");
            }
        }

        await using var second = await UsersTestHost.StartAsync(UsersTestHost.CreateIn(data.Path, clock, Settings()));
        await Wait.UntilAsync(async () => (await StatusesAsync(second)).All(s => s == AlertStatus.Sent), Timeout, "every alert is sent after the restart");

        var sent = _api.CallsTo("sendMessage").Select(c => (Chat: c.Json.GetProperty("chat_id").GetInt64(), Text: c.Json.GetProperty("text").GetString())).ToList();
        sent.Count.ShouldBe(5);
        sent.Distinct().Count().ShouldBe(5);
        sent.Count(s => s.Text == "while down").ShouldBe(4);
    }

    private (string, string?)[] Settings(params (string, string?)[] extra) =>
        [("Telegram:ApiBaseUrl", _api.BaseUrl), ("Telegram:MaxAttempts", "1"), ("Alerts:SenderEnabled", "true"), .. extra];

    private async Task<UsersTestHost> StartAsync(params (string, string?)[] extra)
    {
        var host = await UsersTestHost.StartAsync(Settings(extra));
        _api.Clock = host.Clock;
        return host;
    }

    /// <summary>Moves the fake clock in small steps until <paramref name="condition"/> holds (the sender waits on that clock).</summary>
    private static Task AdvanceUntilAsync(UsersTestHost host, Func<bool> condition, string because) =>
        Wait.UntilAsync(() =>
        {
            if (condition())
            {
                return true;
            }

            host.Clock.Advance(TimeSpan.FromMilliseconds(250));
            return false;
        }, Timeout, because);

    private static async Task<UserId> NewUserAsync(UsersTestHost host, long telegramId)
    {
        var user = await host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(telegramId, "U", null, null, null), null, CancellationToken.None));
        return new UserId(user.Id);
    }

    private static Task<AlertQueueOutcome> QueueAsync(UsersTestHost host, UserId user, AlertKind kind, string html, string key, IReadOnlyList<AlertButton>? buttons = null) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<QueueUserAlertHandler>(sp)
            .Handle(new QueueUserAlert(user, kind, html, key, buttons), CancellationToken.None));

    private static Task<EaCredentialsValidation> ValidateAsync(UsersTestHost host, IssuedEaCredentials ea) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<ValidateEaCredentialsHandler>(sp)
            .Handle(new ValidateEaCredentials(ea.EaId.Value, ea.Token), CancellationToken.None));

    private static Task<List<AlertRecord>> AlertsAsync(UsersTestHost host) =>
        host.InScopeAsync<UsersDbContext, List<AlertRecord>>(db => db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private static async Task<List<AlertStatus>> StatusesAsync(UsersTestHost host) => [.. (await AlertsAsync(host)).Select(a => a.Status)];
}
