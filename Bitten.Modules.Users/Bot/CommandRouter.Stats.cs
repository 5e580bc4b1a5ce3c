using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Signals;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Bot.Stats;
using Bitten.Modules.Users.Telegram.Api;
using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Bot;

/// <summary>
/// Statistics in the style of freqtrade's Telegram bot: /status, /trades [n], /profit [days], /daily [n], /weekly [n],
/// /performance, /balance. Tables in &lt;pre&gt;, split under Telegram's message limit, with a refresh button that
/// edits the message in place.
/// </summary>
internal sealed partial class CommandRouter
{
    private const string StatsPrefix = "stats:";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static readonly string[] StatsCommands = ["status", "trades", "profit", "daily", "weekly", "performance", "balance"];

    private async Task StatsAsync(long chat, TelegramIdentity who, string name, string argument, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var messages = await RenderStatsAsync(user, name, argument, ct);
        for (var i = 0; i < messages.Count; i++)
        {
            await bot.SendMessageAsync(chat, messages[i], keyboard: i == messages.Count - 1 ? Refresh(name, argument) : null, ct: ct);
        }
    }

    private async Task RefreshStatsAsync(TelegramCallbackQuery callback, CancellationToken ct)
    {
        var parts = callback.Data![StatsPrefix.Length..].Split(':', 2);
        var user = await users.UpsertAsync(new TelegramIdentity(callback.From.Id, callback.From.FirstName, callback.From.LastName, callback.From.Username, callback.From.LanguageCode), null, ct);
        var messages = await RenderStatsAsync(user, parts[0], parts.Length > 1 ? parts[1] : string.Empty, ct);
        await bot.AnswerCallbackQueryAsync(callback.Id, "Refreshed", ct: ct);
        if (callback.Message is { } message)
        {
            await bot.EditMessageTextAsync(message.Chat.Id, message.MessageId, messages[^1], Refresh(parts[0], parts.Length > 1 ? parts[1] : string.Empty), ct);
        }
    }

    private static InlineKeyboard Refresh(string name, string argument) =>
        InlineKeyboard.Row(InlineButton.Callback("🔄 Refresh", $"{StatsPrefix}{name}:{(argument.Length > 20 ? argument[..20] : argument)}"));

    private async Task<IReadOnlyList<string>> RenderStatsAsync(UserRecord user, string name, string argument, CancellationToken ct)
    {
        var id = new UserId(user.Id);
        var now = time.GetUtcNow();
        int Count(int fallback, int max) => int.TryParse(argument, NumberStyles.None, Inv, out var n) && n > 0 ? Math.Min(n, max) : fallback;
        if (name == "balance")
        {
            return [await BalanceAsync(id, ct)];
        }

        var days = name switch
        {
            "profit" => Count(30, 3650),
            "daily" => Count(7, 90),
            "weekly" => Count(4, 52) * 7,
            _ => 365,
        };
        var history = await TrySendAsync(new GetTradeHistory(id, now.AddDays(-days)), ct);
        if (history is null)
        {
            return ["Trade statistics are not available on this server right now."];
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(user.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return name switch
        {
            "status" => await StatusAsync(history.Open, ct),
            "trades" => Trades(history.Closed.TakeLast(Count(10, 100)).Reverse().ToList()),
            "profit" => [Profit(history.Closed, days)],
            "daily" => Periods("Daily", history.Closed, Count(7, 90), t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.ClosedAt, zone).Date), d => d.AddDays(-1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date)),
            "weekly" => Periods("Weekly (weeks from Monday)", history.Closed, Count(4, 52), t => Monday(TimeZoneInfo.ConvertTime(t.ClosedAt, zone)), d => d.AddDays(-7), Monday(TimeZoneInfo.ConvertTime(now, zone))),
            _ => Performance(history.Closed),
        };
    }

    private async Task<IReadOnlyList<string>> StatusAsync(IReadOnlyList<OpenTrade> open, CancellationToken ct)
    {
        if (open.Count == 0)
        {
            return ["<b>Open trades</b>\nNone."];
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var t in open)
        {
            var quote = await TrySendAsync(new GetMarketQuote(t.Symbol), ct);
            var buy = t.Side == Side.Buy;
            if (quote is null)
            {
                rows.Add([t.Symbol, buy ? "BUY" : "SELL", Num(t.Volume), Num(t.FillPrice), "–", "–", "–", "–"]);
                continue;
            }

            var price = buy ? quote.Bid : quote.Ask; // what closing now would get
            var riskDistance = Math.Abs(t.FillPrice - t.StopLoss);
            var r = riskDistance == 0 ? 0 : (buy ? price - t.FillPrice : t.FillPrice - price) / riskDistance;
            var toStop = quote.PipSize > 0 ? Math.Abs(price - t.StopLoss) / quote.PipSize : 0;
            rows.Add([t.Symbol, buy ? "BUY" : "SELL", Num(t.Volume), Num(t.FillPrice), Num(price) + (quote.Stale ? "*" : string.Empty),
                r.ToString("+0.00;-0.00", Inv), (r * t.RiskMoney).ToString("+0.00;-0.00", Inv) + " " + t.Currency, toStop.ToString("0.0", Inv)]);
        }

        return TextTable.Render("<b>Open trades</b> (live P/L; * = stale price)", ["Pair", "Side", "Lots", "Open", "Now", "R", "P/L", "SL pips"], rows);
    }

    private static IReadOnlyList<string> Trades(IReadOnlyList<ClosedTrade> trades) =>
        trades.Count == 0
            ? ["<b>Closed trades</b>\nNone yet."]
            : TextTable.Render($"<b>Last {trades.Count} closed trades</b>", ["Closed (UTC)", "Pair", "Side", "R", "Profit"],
                [.. trades.Select(t => (IReadOnlyList<string>)[t.ClosedAt.UtcDateTime.ToString("MM-dd HH:mm", Inv), t.Symbol, t.Side == Side.Buy ? "BUY" : "SELL",
                    t.RMultiple.ToString("+0.00;-0.00", Inv), t.Profit.ToString("+0.00;-0.00", Inv) + " " + t.Currency])]);

    private static string Profit(IReadOnlyList<ClosedTrade> trades, int days)
    {
        var s = TradeStats.Of(trades);
        var currency = trades.Select(t => t.Currency).FirstOrDefault() ?? string.Empty;
        return $"<b>Profit, last {days} days</b>\n" +
               $"Trades: {s.Trades} ({s.Wins} won, {s.Losses} lost) · win rate {s.WinRate.ToString("P0", Inv)}\n" +
               $"Net: <b>{s.NetR.ToString("+0.00;-0.00", Inv)} R</b> · {s.NetMoney.ToString("+0.00;-0.00", Inv)} {HtmlEncode(currency)}\n" +
               $"Expectancy: {s.ExpectancyR.ToString("+0.00;-0.00", Inv)} R per trade\n" +
               $"Profit factor: {(s.ProfitFactor is { } pf ? pf.ToString("0.00", Inv) : "–")}\n" +
               $"Max drawdown: {s.MaxDrawdownR.ToString("0.00", Inv)} R";
    }

    private static IReadOnlyList<string> Periods(string title, IReadOnlyList<ClosedTrade> trades, int count, Func<ClosedTrade, DateOnly> key, Func<DateOnly, DateOnly> previous, DateOnly latest)
    {
        var byPeriod = trades.GroupBy(key).ToDictionary(g => g.Key, g => TradeStats.Of([.. g]));
        var rows = new List<IReadOnlyList<string>>();
        for (var (period, i) = (latest, 0); i < count; (period, i) = (previous(period), i + 1))
        {
            var s = byPeriod.GetValueOrDefault(period) ?? TradeStats.Of([]);
            rows.Add([period.ToString("yyyy-MM-dd", Inv), s.Trades.ToString(Inv), s.NetR.ToString("+0.00;-0.00", Inv), s.NetMoney.ToString("+0.00;-0.00", Inv)]);
        }

        return TextTable.Render($"<b>{title}</b>", ["Period", "Trades", "R", "Money"], rows);
    }

    private static IReadOnlyList<string> Performance(IReadOnlyList<ClosedTrade> trades) =>
        trades.Count == 0
            ? ["<b>Performance</b>\nNo closed trades in the last year."]
            : TextTable.Render("<b>Performance by pattern and pair</b> (last year)", ["Pattern / pair", "Trades", "Win %", "R"],
                [.. trades.GroupBy(t => (t.Pattern, t.Symbol)).Select(g => (g.Key, Stats: TradeStats.Of([.. g]))).OrderByDescending(x => x.Stats.NetR)
                    .Select(x => (IReadOnlyList<string>)[$"{x.Key.Pattern} {x.Key.Symbol}", x.Stats.Trades.ToString(Inv), (x.Stats.WinRate * 100).ToString("0", Inv), x.Stats.NetR.ToString("+0.00;-0.00", Inv)])]);

    private async Task<string> BalanceAsync(UserId id, CancellationToken ct)
    {
        var linked = await eas.ListAsync(id, ct);
        var account = await TrySendAsync(new GetUserAccount(id), ct);
        var lines = linked.Select(e => account is not null && account.EaId == e.EaId
            ? $"<b>{HtmlEncode(e.Label)}</b> (<code>{e.EaId}</code>): balance {Num(account.Balance)} {HtmlEncode(account.Currency)}, equity {Num(account.Equity)}, " +
              $"{(account.Online ? "online" : "offline since " + account.LastSeen.UtcDateTime.ToString("MM-dd HH:mm", Inv) + " UTC")}"
            : $"<b>{HtmlEncode(e.Label)}</b> (<code>{e.EaId}</code>): {(e.IsDefault ? "has not reported yet" : "not your default terminal; its balance is shown in the HUD")}").ToList();
        return "<b>Balance</b>\n" + (lines.Count == 0 ? "No terminal linked yet (/link)." : string.Join("\n", lines));
    }

    private static string Num(decimal value) => value.ToString("0.#####", Inv);

    private static DateOnly Monday(DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(at.Date);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
    }
}
