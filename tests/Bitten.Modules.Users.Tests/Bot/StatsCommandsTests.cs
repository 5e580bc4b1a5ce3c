using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Modules.Users.Bot;
using Bitten.Modules.Users.Bot.Stats;
using Bitten.Modules.Users.Telegram.Api;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Bot;

public sealed class StatsCommandsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000).AddDays(-3);
    private FakeBotApi _api = null!;
    private UsersTestHost _host = null!;

    /// <summary>+2 R, −1, −1, +1.5, −1 (risk 100 each): net +0.5 R / +50, 2 won 3 lost, PF 350 / 300, drawdown from +2 to 0.</summary>
    internal static IReadOnlyList<ClosedTrade> Closed { get; } =
    [
        Trade(2.0, 200m, 0, "LIQUIDITY_SWEEP_REVERSAL", "EURUSD"),
        Trade(-1.0, -100m, 1, "LIQUIDITY_SWEEP_REVERSAL", "EURUSD"),
        Trade(-1.0, -100m, 2, "ORDER_BLOCK_BOUNCE", "GBPJPY"),
        Trade(1.5, 150m, 3, "ORDER_BLOCK_BOUNCE", "GBPJPY"),
        Trade(-1.0, -100m, 4, "ORDER_BLOCK_BOUNCE", "XAUUSD"),
    ];

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = UsersTestHost.Create(
            services =>
            {
                services.AddTransient<IRequestHandler<GetTradeHistory, TradeHistory>, FakeHistory>();
                services.AddTransient<IRequestHandler<GetMarketQuote, MarketQuote?>, FakeQuote>();
            },
            ("Telegram:ApiBaseUrl", _api.BaseUrl));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public void Stats_WhenHandComputed_MatchWinRateExpectancyProfitFactorAndDrawdown()
    {
        var s = TradeStats.Of(Closed);

        (s.Trades, s.Wins, s.Losses).ShouldBe((5, 2, 3));
        s.WinRate.ShouldBe(0.4);
        s.NetR.ShouldBe(0.5, 1e-9);
        s.NetMoney.ShouldBe(50m);
        s.ExpectancyR.ShouldBe(0.1, 1e-9);
        s.ProfitFactor!.Value.ShouldBe(350.0 / 300.0, 1e-9);
        s.MaxDrawdownR.ShouldBe(2.0, 1e-9);
        TradeStats.Of([]).ProfitFactor.ShouldBeNull();
    }

    [Fact]
    public void Table_WhenLongerThanTheLimit_SplitsIntoMessagesUnderItWithEveryRow()
    {
        var rows = Enumerable.Range(0, 300).Select(i => (IReadOnlyList<string>)[$"row-{i:D3}", "1.00", "<&>"]).ToList();

        var messages = TextTable.Render("<b>T</b>", ["Name", "R", "Note"], rows, limit: 1_000);

        messages.Count.ShouldBeGreaterThan(1);
        messages.ShouldAllBe(m => m.Length <= 1_000 && m.StartsWith("<b>T</b>\n<pre>Name", StringComparison.Ordinal) && m.EndsWith("</pre>", StringComparison.Ordinal));
        string.Concat(messages).Split("row-").Length.ShouldBe(301);
        string.Concat(messages).ShouldContain("&lt;&amp;&gt;");
    }

    [Fact]
    public async Task Profit_WhenAsked_ReportsTheFiguresWithARefreshButton()
    {
        var reply = await SendAsync(21, "/profit 30");

        var text = reply.GetProperty("text").GetString()!;
        text.ShouldContain("Trades: 5 (2 won, 3 lost) · win rate 40");
        text.ShouldContain("Net: <b>+0.50 R</b> · +50.00 USD");
        text.ShouldContain("Expectancy: +0.10 R");
        text.ShouldContain("Profit factor: 1.17");
        text.ShouldContain("Max drawdown: 2.00 R");
        reply.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString().ShouldBe("stats:profit:30");
    }

    [Fact]
    public async Task Status_WhenATradeIsOpen_ShowsLivePnlInRAndMoneyAndPipsToTheStop()
    {
        var text = (await SendAsync(22, "/status")).GetProperty("text").GetString()!;

        // BUY filled 1.10000, stop 1.09800, bid 1.10100: +0.5 R of 100 USD risk = +50; 30 pips above the stop.
        text.ShouldContain("EURUSD");
        text.ShouldContain("+0.50");
        text.ShouldContain("+50.00 USD");
        text.ShouldContain("30.0");
    }

    [Theory]
    [InlineData("/trades 2", "-1.00")]
    [InlineData("/performance", "ORDER_BLOCK_BOUNCE GBPJPY")]
    [InlineData("/daily 3", "Daily")]
    [InlineData("/weekly 2", "Weekly")]
    [InlineData("/balance", "No terminal linked yet")]
    public async Task Tables_WhenAsked_Answer(string command, string expected)
    {
        (await SendAsync(23, command)).GetProperty("text").GetString()!.ShouldContain(expected);
    }

    [Fact]
    public async Task Refresh_WhenPressed_EditsTheMessageInPlace()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommandRouter>().HandleAsync(new TelegramUpdate(3, null, new TelegramCallbackQuery("cb-r",
            new TelegramUser(24, false, "A", null, null, null), new TelegramMessage(55, new TelegramChat(24, "private"), null, 1, "old"), "stats:profit:30")), CancellationToken.None);

        var edit = _api.CallsTo("editMessageText").ShouldHaveSingleItem().Json;
        edit.GetProperty("message_id").GetInt64().ShouldBe(55);
        edit.GetProperty("text").GetString()!.ShouldContain("Profit factor: 1.17");
        _api.CallsTo("answerCallbackQuery").ShouldHaveSingleItem();
    }

    private async Task<JsonElement> SendAsync(long telegramId, string text)
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

    private static ClosedTrade Trade(double r, decimal profit, int hour, string pattern, string symbol) =>
        new(new MissionId($"01JD8TM5SN00000000000000{hour:D2}"), symbol, Side.Buy, pattern, 0.5m, profit, "USD", r, T0.AddHours(hour));

    private sealed class FakeHistory : IRequestHandler<GetTradeHistory, TradeHistory>
    {
        public Task<TradeHistory> Handle(GetTradeHistory request, CancellationToken cancellationToken) =>
            Task.FromResult(new TradeHistory([.. Closed.Where(t => t.ClosedAt >= request.Since)],
                [new OpenTrade(new MissionId("01JD8TM5SN0000000000000099"), "EURUSD", Side.Buy, "LIQUIDITY_SWEEP_REVERSAL", 0.5m, 1.10000m, 1.09800m, 1.10300m, 100m, "USD", T0)]));
    }

    private sealed class FakeQuote : IRequestHandler<GetMarketQuote, MarketQuote?>
    {
        public Task<MarketQuote?> Handle(GetMarketQuote request, CancellationToken cancellationToken) =>
            Task.FromResult<MarketQuote?>(new MarketQuote(request.Symbol, 1.10100m, 1.10110m, 0, false, 5, 0.0001m));
    }
}
