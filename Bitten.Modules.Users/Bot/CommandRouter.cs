using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using Bitten.Contracts.Missions;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Bot;

/// <summary>
/// Answers the bot's commands (see <see cref="HelpText"/>) and inline FIRE buttons; anything else gets a
/// pointer to /help. Secrets (EA tokens, login codes) are only ever sent in a private chat.
/// </summary>
internal sealed partial class CommandRouter(
    TelegramBotClient bot, UserDirectory users, EaLinkService eas, LoginLinkService logins, UserSettingsService settings,
    AuditLog audit, IServiceProvider services, TimeProvider time, IOptions<TelegramOptions> telegram, IOptions<AuthOptions> auth, ILogger<CommandRouter> logger)
{
    public const string HelpText =
        "<b>BITTEN</b> commands\n" +
        "/start – register and open the HUD\n" +
        "/me – your tier, referral code and linked terminals\n" +
        "/missions – your open missions, with FIRE buttons\n" +
        "/fire &lt;mission id&gt; – fire a mission\n" +
        "/mode manual|auto – auto-fire off or on\n" +
        "/risk &lt;percent&gt; – risk per trade\n" +
        "/drill on|off|harsh|balanced|encouraging – daily drill report\n" +
        "/notify [kind on|silent|off] – which alerts you get\n" +
        "/recruit – your referral code\n" +
        "/tactics – today's tactic · /notebook &lt;text&gt; – a journal entry\n" +
        "/status – open trades with live P/L and distance to stop\n" +
        "/trades [n] · /profit [days] · /daily [n] · /weekly [n] · /performance · /balance\n" +
        "/link [label] – link a MetaTrader terminal (gives its ea_id and token once)\n" +
        "/unlink &lt;ea_id&gt; – unlink a terminal\n" +
        "/login – a one-time link to sign in from a browser\n" +
        "/help – this list\n" +
        "Admins: /health, /halt, /resume";

    public async Task HandleAsync(TelegramUpdate update, CancellationToken ct)
    {
        if (update.CallbackQuery is { } callback)
        {
            await CallbackAsync(callback, ct);
            return;
        }

        var message = update.Message;
        if (message?.From is not { IsBot: false } from)
        {
            return;
        }

        var chat = message.Chat.Id;
        var command = BotCommand.Parse(message.Text);
        if (command is null)
        {
            await bot.SendMessageAsync(chat, "Send /help to see what I can do.", ct: ct);
            return;
        }

        Log.BotCommand(logger, command.Name, from.Id);
        var isPrivate = message.Chat.Type is null or "private";
        var who = new TelegramIdentity(from.Id, from.FirstName, from.LastName, from.Username, from.LanguageCode);
        switch (command.Name)
        {
            case "start":
                await StartAsync(chat, who, command.Argument, ct);
                break;
            case "help":
                await bot.SendMessageAsync(chat, HelpText, ct: ct);
                break;
            case "me":
                await MeAsync(chat, who, ct);
                break;
            case "link" or "login" when !isPrivate:
                await bot.SendMessageAsync(chat, $"/{command.Name} gives out a secret: send it to me in a private chat.", ct: ct);
                break;
            case "link":
                await LinkAsync(chat, who, command.Argument, ct);
                break;
            case "login":
                await LoginAsync(chat, who, ct);
                break;
            case "unlink":
                await UnlinkAsync(chat, who, command.Argument, ct);
                break;
            case "mode" or "risk" or "drill" or "notify":
                await SettingAsync(chat, who, command, ct);
                break;
            case "recruit":
                await RecruitAsync(chat, who, ct);
                break;
            case "notebook" or "tactics":
                await GameAsync(chat, who, command, ct);
                break;
            case "missions":
                await MissionsAsync(chat, who, ct);
                break;
            case "fire":
                await FireCommandAsync(chat, who, command.Argument, ct);
                break;
            case "status" or "trades" or "profit" or "daily" or "weekly" or "performance" or "balance":
                await StatsAsync(chat, who, command.Name, command.Argument, ct);
                break;
            case "health" or "halt" or "resume":
                await AdminAsync(chat, who, command.Name, ct);
                break;
            default:
                await bot.SendMessageAsync(chat, $"I don't know /{HtmlEncode(command.Name)}. Send /help to see the commands.", ct: ct);
                break;
        }
    }

    private async Task StartAsync(long chat, TelegramIdentity who, string argument, CancellationToken ct)
    {
        // Deep links arrive as "/start <payload>"; a referral payload is the code, optionally "ref_"-prefixed.
        var user = await users.UpsertAsync(who, argument.Length is > 0 and <= 20 ? argument : null, ct);
        var text = $"Welcome to <b>BITTEN</b>, {HtmlEncode(user.DisplayName)}. Your tier: <b>{HtmlEncode(user.Tier)}</b>.\n" +
                   "Link a terminal with /link, see everything with /help.";
        var keyboard = telegram.Value.MiniAppUrl is { Length: > 0 } url ? InlineKeyboard.Row(InlineButton.MiniApp("Open HUD", url)) : null;
        await bot.SendMessageAsync(chat, text, keyboard: keyboard, ct: ct);
    }

    private async Task MeAsync(long chat, TelegramIdentity who, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var id = new UserId(user.Id);
        var linked = await eas.ListAsync(id, ct);
        var terminals = linked.Count == 0
            ? "none yet (/link)"
            : string.Join(", ", linked.Select(e => $"{HtmlEncode(e.Label)} (<code>{e.EaId}</code>{(e.IsDefault ? ", default" : string.Empty)})"));
        var progress = await TrySendAsync(new GetUserProgress(id), ct);
        var history = await TrySendAsync(new GetTradeHistory(id, time.GetUtcNow()), ct);
        var game = progress is null ? string.Empty
            : $"Rank: <b>{HtmlEncode(progress.Rank)}</b> · {progress.Xp.ToString(CultureInfo.InvariantCulture)} XP (next at {progress.NextRankXp.ToString(CultureInfo.InvariantCulture)})\n" +
              $"Streak: {progress.StreakDays.ToString(CultureInfo.InvariantCulture)} days\n";
        var open = history is null ? string.Empty : $"Open trades: {history.Open.Count.ToString(CultureInfo.InvariantCulture)} (/status)\n";
        var keyboard = telegram.Value.MiniAppUrl is { Length: > 0 } url ? InlineKeyboard.Row(InlineButton.MiniApp("Open HUD", url)) : null;
        await bot.SendMessageAsync(chat,
            $"<b>{HtmlEncode(user.DisplayName)}</b>\nTier: <b>{HtmlEncode(user.Tier)}</b>\n" + game + open +
            $"Risk per trade: {user.RiskPercent.ToString(CultureInfo.InvariantCulture)} %\n" +
            $"Referral code: <code>{user.ReferralCode}</code>\nTerminals: {terminals}", keyboard: keyboard, ct: ct);
    }

    private async Task LinkAsync(long chat, TelegramIdentity who, string label, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var result = await eas.LinkAsync(new UserId(user.Id), label, ct);
        if (result.Credentials is not { } issued)
        {
            await bot.SendMessageAsync(chat, $"Could not link a terminal: {HtmlEncode(result.Error)}.", ct: ct);
            return;
        }

        await bot.SendMessageAsync(chat,
            $"Terminal <b>{HtmlEncode(issued.Label)}</b> linked{(issued.IsDefault ? " (your default)" : string.Empty)}.\n" +
            $"ea_id: <code>{issued.EaId}</code>\nea_token: <code>{issued.Token}</code>\n" +
            "Put both into the EA's inputs. The token is shown only this once; delete this message afterwards.", ct: ct);
    }

    private async Task LoginAsync(long chat, TelegramIdentity who, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var (code, _) = await logins.IssueAsync(new UserId(user.Id), ct);
        var minutes = Math.Max(1, (int)Math.Round(auth.Value.LoginLinkLifetime.TotalMinutes));
        if (auth.Value.LoginLinkBaseUrl is { Length: > 0 } baseUrl)
        {
            var link = $"{baseUrl}?code={Uri.EscapeDataString(code)}";
            await bot.SendMessageAsync(chat, $"Your one-time sign-in link (valid {minutes} min):", keyboard: InlineKeyboard.Row(InlineButton.ToUrl("Sign in", link)), ct: ct);
        }
        else
        {
            await bot.SendMessageAsync(chat, $"Your one-time sign-in code (valid {minutes} min): <code>{code}</code>", ct: ct);
        }
    }
}
