using System.Collections.Concurrent;
using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using Bitten.Contracts.Missions;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Telegram.Api;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class GameCommandsTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<AddNotebookEntry> _notes = new();
    private FakeBotApi _api = null!;
    private UsersTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = UsersTestHost.Create(
            services =>
            {
                services.AddSingleton(_notes);
                services.AddTransient<IRequestHandler<GetUserProgress, UserProgress>, FakeProgress>();
                services.AddTransient<IRequestHandler<AddNotebookEntry, long>, FakeNotebook>();
                services.AddTransient<IRequestHandler<GetTradeHistory, TradeHistory>, EmptyHistory>();
            },
            ("Telegram:ApiBaseUrl", _api.BaseUrl), ("Telegram:MiniAppUrl", "https://hud.example/app"));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Me_WhenGamificationAnswers_ShowsRankXpStreakOpenTradesAndAHudButton()
    {
        var reply = await SendAsync(31, "/me");

        var text = reply.GetProperty("text").GetString()!;
        text.ShouldContain("Rank: <b>CADET</b> · 120 XP (next at 500)");
        text.ShouldContain("Streak: 4 days");
        text.ShouldContain("Open trades: 0");
        reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("web_app").GetProperty("url").GetString().ShouldBe("https://hud.example/app");
    }

    [Fact]
    public async Task Notebook_WhenText_SavesItForTheSender()
    {
        var reply = await SendAsync(32, "/notebook Waited for the sweep, entered late.");

        reply.GetProperty("text").GetString()!.ShouldContain("Saved to your notebook (entry 7)");
        _notes.ShouldHaveSingleItem().Text.ShouldBe("Waited for the sweep, entered late.");
    }

    [Fact]
    public async Task Tactics_WhenAsked_ShowsTodaysTactic()
    {
        (await SendAsync(33, "/tactics")).GetProperty("text").GetString()!.ShouldContain("Today's tactic: <b>SNIPER</b>");
    }

    private async Task<System.Text.Json.JsonElement> SendAsync(long telegramId, string text)
    {
        var before = _api.CallsTo("sendMessage").Count;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(
                new TelegramUpdate(100, new TelegramMessage(1, new TelegramChat(telegramId, "private"), new TelegramUser(telegramId, false, "T", null, null, "en"), 1, text), null),
                CancellationToken.None);
        }

        var calls = _api.CallsTo("sendMessage");
        calls.Count.ShouldBe(before + 1);
        return calls[^1].Json;
    }

    private sealed class FakeProgress : IRequestHandler<GetUserProgress, UserProgress>
    {
        public Task<UserProgress> Handle(GetUserProgress request, CancellationToken cancellationToken) =>
            Task.FromResult(new UserProgress(request.UserId, 120, "CADET", 500, 4, "SNIPER", 2));
    }

    private sealed class FakeNotebook(ConcurrentQueue<AddNotebookEntry> notes) : IRequestHandler<AddNotebookEntry, long>
    {
        public Task<long> Handle(AddNotebookEntry request, CancellationToken cancellationToken)
        {
            notes.Enqueue(request);
            return Task.FromResult(7L);
        }
    }

    private sealed class EmptyHistory : IRequestHandler<GetTradeHistory, TradeHistory>
    {
        public Task<TradeHistory> Handle(GetTradeHistory request, CancellationToken cancellationToken) => Task.FromResult(new TradeHistory([], []));
    }
}
