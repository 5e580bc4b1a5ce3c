using System.Collections.Concurrent;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Telegram.Api;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class TradingCommandsTests : IAsyncLifetime
{
    private const string MissionId = "01JD8TM5SN0000000000000001";
    private readonly FakeModules _modules = new();
    private FakeBotApi _api = null!;
    private UsersTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = UsersTestHost.Create(
            services =>
            {
                services.AddSingleton(_modules);
                services.AddTransient<IRequestHandler<ListOpenMissions, IReadOnlyList<MissionView>>, FakeOpenMissions>();
                services.AddTransient<IRequestHandler<FireMissionCommand, FireDecision>, FakeFire>();
                services.AddTransient<IRequestHandler<SetTradingHalt, bool>, FakeHalt>();
            },
            ("Telegram:ApiBaseUrl", _api.BaseUrl), ("Telegram:MiniAppUrl", "https://hud.example/app"), ("Auth:AdminTelegramIds:0", "900"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Missions_WhenOpenOnes_ListsThemWithFireAndHudButtons()
    {
        var reply = await SendAsync(11, "/missions");

        reply.GetProperty("text").GetString()!.ShouldContain("<b>EURUSD BUY</b> 0.25 lots");
        var row = reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0];
        row[0].GetProperty("callback_data").GetString().ShouldBe("fire:" + MissionId);
        row[1].GetProperty("web_app").GetProperty("url").GetString().ShouldBe($"https://hud.example/hud?mission={MissionId}");
    }

    [Fact]
    public async Task FireButton_WhenPressed_FiresAsTheTelegramUserEditsTheAlertAndAudits()
    {
        var user = await UserAsync(12);
        await HandleAsync(new TelegramUpdate(2, null, new TelegramCallbackQuery("cb-9", new TelegramUser(12, false, "A", null, null, null),
            new TelegramMessage(77, new TelegramChat(12, "private"), null, 1, "EURUSD BUY <alert>"), "fire:" + MissionId)));

        var fire = _modules.Fires.ShouldHaveSingleItem();
        (fire.MissionId.Value, fire.UserId.Value, fire.Source).ShouldBe((MissionId, user.Id, FireSource.TelegramBot));
        _api.CallsTo("answerCallbackQuery").ShouldHaveSingleItem().Json.GetProperty("text").GetString()!.ShouldStartWith("🔥 Fired.");
        var edit = _api.CallsTo("editMessageText").ShouldHaveSingleItem().Json;
        (edit.GetProperty("chat_id").GetInt64(), edit.GetProperty("message_id").GetInt64()).ShouldBe((12L, 77L));
        edit.GetProperty("text").GetString()!.ShouldContain("EURUSD BUY &lt;alert&gt;");
        var audit = await _host.InScopeAsync<UsersDbContext, List<Bitten.Modules.Users.Audit.AuditRecord>>(db => db.AuditLog.Where(a => a.Action == "mission.fire").ToListAsync());
        audit.ShouldHaveSingleItem().Source.ShouldBe("telegram");
    }

    [Fact]
    public async Task Fire_WhenRefused_SaysWhy()
    {
        _modules.Decision = FireDecision.Refuse(FireRefusal.Expired, "This mission expired at 10:15 UTC.");

        var reply = await SendAsync(13, "/fire " + MissionId);

        reply.GetProperty("text").GetString()!.ShouldBe("Not fired: This mission expired at 10:15 UTC.");
    }

    [Fact]
    public async Task Halt_WhenNotAdmin_IsRefusedAndWhenAdmin_HaltsAndAudits()
    {
        var refused = await SendAsync(14, "/halt");
        var halted = await SendAsync(900, "/halt");
        var resumed = await SendAsync(900, "/resume");

        refused.GetProperty("text").GetString()!.ShouldContain("administrators");
        halted.GetProperty("text").GetString()!.ShouldContain("Trading halted");
        resumed.GetProperty("text").GetString()!.ShouldContain("Trading resumed");
        _modules.Halts.ShouldBe([true, false]);
        var actions = await _host.InScopeAsync<UsersDbContext, List<string>>(db => db.AuditLog.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        actions.ShouldBe(["trading.halt", "trading.resume"]);
    }

    [Theory]
    [InlineData("/risk 1.5", "Risk per trade is now <b>1.5 %</b>")]
    [InlineData("/risk 40", "Not changed: risk_percent must be between")]
    [InlineData("/mode auto", "Not changed: auto_fire auto-fire needs a tier")]
    [InlineData("/mode manual", "Auto-fire is now <b>off</b>")]
    [InlineData("/drill harsh", "Drill reports: <b>harsh</b>")]
    [InlineData("/drill loud", "Not changed: drill_tone")]
    [InlineData("/notify drill_report silent", "drill_report <b>silent</b>")]
    [InlineData("/notify", "signal_alert: <b>on</b>")]
    [InlineData("/unlink ea-nothere", "You have no terminal")]
    [InlineData("/recruit", "/start ref_")]
    public async Task Settings_WhenChangedFromTheBot_AreValidatedLikeTheApi(string text, string expected)
    {
        (await SendAsync(15, text)).GetProperty("text").GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task Notify_WhenTurnedOff_IsStored()
    {
        await SendAsync(16, "/notify fire_result off");

        var user = await UserAsync(16);
        (await _host.InScopeAsync<UsersDbContext, NotificationMode>(db => db.NotificationSettings
            .Where(n => n.UserId == user.Id && n.Event == Contracts.Users.AlertKind.FireResult).Select(n => n.Mode).SingleAsync())).ShouldBe(NotificationMode.Off);
    }

    private Task<UserRecord> UserAsync(long telegramId) =>
        _host.InScopeAsync<UserDirectory, UserRecord>(d => d.UpsertAsync(new TelegramIdentity(telegramId, "T", null, null, null), null, CancellationToken.None));

    private async Task HandleAsync(TelegramUpdate update)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(update, CancellationToken.None);
    }

    private async Task<JsonElement> SendAsync(long telegramId, string text)
    {
        var before = _api.CallsTo("sendMessage").Count;
        await HandleAsync(new TelegramUpdate(100, new TelegramMessage(1, new TelegramChat(telegramId, "private"), new TelegramUser(telegramId, false, "T", null, null, "en"), 1, text), null));
        var calls = _api.CallsTo("sendMessage");
        calls.Count.ShouldBe(before + 1);
        return calls[^1].Json;
    }

    public sealed class FakeModules
    {
        public ConcurrentQueue<FireMissionCommand> Fires { get; } = new();

        public List<bool> Halts { get; } = [];

        public FireDecision Decision { get; set; } = FireDecision.Accept(new FireId("01JDBOTFIRE000000000000001"));
    }

    private sealed class FakeOpenMissions : IRequestHandler<ListOpenMissions, IReadOnlyList<MissionView>>
    {
        public Task<IReadOnlyList<MissionView>> Handle(ListOpenMissions request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MissionView>>([new MissionView(new MissionId(MissionId), request.UserId, new SignalId("01JDBOTSIGNAL0000000000001"), "EURUSD", Side.Buy,
                1.1m, 1.098m, 1.103m, 0.25m, 50m, MissionStatus.Pending, 0.66, 0.4, 0.8, true, DateTimeOffset.FromUnixTimeSeconds(1_800_000_900))]);
    }

    private sealed class FakeFire(FakeModules modules) : IRequestHandler<FireMissionCommand, FireDecision>
    {
        public Task<FireDecision> Handle(FireMissionCommand request, CancellationToken cancellationToken)
        {
            modules.Fires.Enqueue(request);
            return Task.FromResult(modules.Decision);
        }
    }

    private sealed class FakeHalt(FakeModules modules) : IRequestHandler<SetTradingHalt, bool>
    {
        public Task<bool> Handle(SetTradingHalt request, CancellationToken cancellationToken)
        {
            modules.Halts.Add(request.Halted);
            return Task.FromResult(request.Halted);
        }
    }
}
