using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Signals.Candles;
using Bitten.Modules.Signals.Persistence;
using Bitten.Modules.Signals.Publishing;
using Bitten.Modules.Users.Auth;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Hud;

/// <summary>
/// The whole host on a real Kestrel listener (random loopback port) for a real browser, on a Tuesday
/// morning (see <see cref="ShiftedTimeProvider"/>), with the built-in simulator as feed and as the demo
/// trader's terminal, and seeded data: M5 bars, resolved signals of one pattern, and one open signal
/// published so the demo trader has a fireable mission.
/// </summary>
public sealed class HudHost : IAsyncLifetime
{
    public const string Symbol = "EURUSD";
    public const string Pattern = "LIQUIDITY_SWEEP_REVERSAL";
    public static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    private readonly Factory _factory = new();

    public ShiftedTimeProvider Clock { get; } = new(Tuesday);

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory.Services;

    /// <summary>The demo trader (Telegram id -2: linked to the simulator's EA, COMMANDER tier, not an admin).</summary>
    public long TraderTelegramId => SeedDemoAccountsHandlerIds.Trader;

    public string MissionId { get; private set; } = string.Empty;

    public string SignalId { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _factory.Clock = Clock;
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));

        using var trader = await NewClient().SignInAsync(TraderTelegramId, "Demo Trader", Clock.GetUtcNow());
        await Wait.UntilAsync(async () =>
        {
            using var eas = JsonDocument.Parse(await trader.GetStringAsync(new Uri("/api/eas", UriKind.Relative)));
            return eas.RootElement.EnumerateArray().Any(e => e.GetProperty("online").GetBoolean()
                && e.GetProperty("balance").ValueKind == JsonValueKind.Number && e.GetProperty("symbols").GetArrayLength() > 0);
        }, TimeSpan.FromSeconds(60), "the simulator's EA is online with its account and symbols");

        var quote = await WaitForQuoteAsync();
        await SeedHistoryAsync(quote);
        SignalId = await PublishOpenSignalAsync(quote);
        await Wait.UntilAsync(async () =>
        {
            using var list = JsonDocument.Parse(await trader.GetStringAsync(new Uri("/api/missions?status=pending", UriKind.Relative)));
            var mission = list.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault(m => m.GetProperty("signal_id").GetString() == SignalId);
            if (mission.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            mission.GetProperty("fireable").GetBoolean().ShouldBeTrue($"the seeded mission is not fireable: {mission}");
            MissionId = mission.GetProperty("mission_id").GetString()!;
            return true;
        }, TimeSpan.FromSeconds(30), "the published signal became the demo trader's pending mission");
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Signed Telegram initData for the Mini App, at the server's (shifted) time.</summary>
    public string InitData(long telegramId, string name) => TelegramLogin.InitData(telegramId, name, Clock.GetUtcNow());

    /// <summary>A one-time login code, as the bot's /login (or the printed demo line) hands out.</summary>
    public async Task<string> IssueLoginCodeAsync(UserId user)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var (code, _) = await scope.ServiceProvider.GetRequiredService<LoginLinkService>().IssueAsync(user, CancellationToken.None);
        return code;
    }

    /// <summary>The BITTEN user id of a Telegram id, read from the Users database (signing in would rewrite the user's roles).</summary>
    public async Task<UserId> UserIdOfAsync(long telegramId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Bitten.Modules.Users.Persistence.UsersDbContext>();
        return new UserId(db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.Id).Single());
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<MarketQuote> WaitForQuoteAsync()
    {
        MarketQuote? quote = null;
        await Wait.UntilAsync(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            quote = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetMarketQuote(Symbol));
            return quote is { Stale: false, Bid: > 0 };
        }, TimeSpan.FromSeconds(30), $"the simulator quotes {Symbol}");
        return quote!;
    }

    private async Task SeedHistoryAsync(MarketQuote quote)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        const long fiveMinutes = 300_000;
        var now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var bucket = now - (now % fiveMinutes);
        var price = quote.Bid;
        for (var k = 48; k >= 1; k--)
        {
            // A gentle zig-zag ending at the live price: bars strictly before the simulator's first bucket.
            var open = price + quote.PipSize * ((k % 7) - 3) * 2;
            var close = price + quote.PipSize * (((k - 1) % 7) - 3) * 2;
            db.Bars.Add(new StoredBar
            {
                Symbol = Symbol, Timeframe = (int)Timeframe.M5, OpenTimeMs = bucket - (k * fiveMinutes),
                Open = open, Close = close, High = Math.Max(open, close) + (quote.PipSize * 3), Low = Math.Min(open, close) - (quote.PipSize * 3),
                TickVolume = 100 + k, MeanSpread = quote.Ask - quote.Bid,
            });
        }

        // Yesterday's resolved signals of the pattern: 6 wins at +2 R, 4 losses at -1 R.
        for (var i = 0; i < 10; i++)
        {
            var created = Clock.GetUtcNow().AddDays(-1).AddMinutes(i * 30);
            var win = i % 5 is not (1 or 3); // losses at i = 1, 3, 6, 8
            var record = Record(new SignalId(Contracts.Common.Ulid.NewUlid(created).Value), created, quote, 0.45 + (i * 0.03));
            record.Status = (int)SignalStatus.Resolved;
            record.Outcome = (int)(win ? SignalOutcome.Win : SignalOutcome.Loss);
            record.RMultiple = win ? 2 : -1;
            record.ResolvedMs = created.AddHours(2).ToUnixTimeMilliseconds();
            db.Signals.Add(record);
        }

        db.ThresholdChanges.Add(new Bitten.Modules.Signals.Scoring.ThresholdChange
        {
            AtMs = Clock.GetUtcNow().AddHours(-3).ToUnixTimeMilliseconds(), Previous = 72, Next = 74, SignalsLast24h = 31, WinRateLast24h = 0.41,
            ReasonsJson = """["win rate 41 % below the 45 % floor over 31 signals"]""",
        });
        await db.SaveChangesAsync();
    }

    private async Task<string> PublishOpenSignalAsync(MarketQuote quote)
    {
        var now = Clock.GetUtcNow();
        var id = new SignalId(Contracts.Common.Ulid.NewUlid(now).Value);
        var record = Record(id, now, quote, 0.62);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
        db.Signals.Add(record);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new SignalPublished(
            id, Symbol, Side.Buy, Pattern, Timeframe.M5, record.Entry, record.StopLoss, record.TakeProfit, 30m, 60m, 2, record.Confidence,
            record.ShieldScore, ShieldClass.ShieldApproved, 1m, record.WinProbability, record.ExpectedValueR, TradingSession.London,
            "PRECISION", null, now, now.AddMinutes(15), now));
        var fanOuts = _factory.Services.GetRequiredService<Bitten.Modules.Missions.Creation.FanOutQueue>();
        await Wait.UntilAsync(() => fanOuts.Outstanding == 0, TimeSpan.FromSeconds(60), "Missions' fan-out worker has created the signal's missions");
        return id.Value;
    }

    private static SignalRecord Record(SignalId id, DateTimeOffset created, MarketQuote quote, double winProbability) => new()
    {
        Id = id.Value,
        Symbol = Symbol,
        Side = (int)Side.Buy,
        Pattern = Pattern,
        Timeframe = (int)Timeframe.M5,
        Entry = quote.Ask,
        StopLoss = quote.Ask - (quote.PipSize * 30), // wide, so ordinary price moves stay under the 0.3 R drift limit before the test fires
        TakeProfit = quote.Ask + (quote.PipSize * 60),
        StopPips = 30,
        TargetPips = 60,
        RiskReward = 2,
        Confidence = 82,
        PatternScore = 78,
        ShieldScore = 8,
        ShieldClass = (int)ShieldClass.ShieldApproved,
        ShieldMultiplier = 1m,
        WinProbability = winProbability,
        ExpectedValueR = Math.Round((winProbability * 2) - (1 - winProbability), 4),
        Session = (int)TradingSession.London,
        SignalClass = "PRECISION",
        Threshold = 72,
        BarOpenMs = created.ToUnixTimeMilliseconds() - 300_000,
        CreatedMs = created.ToUnixTimeMilliseconds(),
        ExpiresMs = created.AddMinutes(15).ToUnixTimeMilliseconds(),
        RecordedMs = created.ToUnixTimeMilliseconds(),
        ComponentsJson = """[{"name":"sweep depth","points":24,"reason":"swept the Asian low by 4 pips"},{"name":"rejection wick","points":18,"reason":"wick 62 % of the range"}]""",
        ShieldJson = """[{"name":"spread","points":3,"reason":"spread 0.6 pips, normal"},{"name":"news","points":5,"reason":"no high-impact news within 30 min"}]""",
        ContextJson = $$"""{"key_levels":[{"name":"asian_low","price":{{(quote.Bid - (quote.PipSize * 12)).ToString(System.Globalization.CultureInfo.InvariantCulture)}}}],"threshold":72}""",
        Status = (int)SignalStatus.Open,
    };

    private sealed class Factory : BittenAppFactory
    {
        public Factory()
        {
            WithSetting("Urls", "http://127.0.0.1:0");
            this.WithTelegram();
            WithSetting("Telegram:Polling", "false");
            WithSetting("Telegram:ApiBaseUrl", "http://127.0.0.1:9"); // alerts fail fast on a closed local port: nothing leaves the machine
            WithSetting("Auth:RateLimitPerMinute", "1000");
        }

        public TimeProvider Clock { get; set; } = TimeProvider.System;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        }
    }
}

/// <summary>The demo accounts' Telegram ids (negative: no real Telegram account has them).</summary>
internal static class SeedDemoAccountsHandlerIds
{
    public const long Admin = Bitten.Modules.Users.Accounts.SeedDemoAccountsHandler.DemoAdminTelegramId;
    public const long Trader = Bitten.Modules.Users.Accounts.SeedDemoAccountsHandler.DemoSubscriberTelegramId;
}
