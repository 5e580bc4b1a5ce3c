using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Telegram.Api;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Bot;

/// <summary>/missions, /fire and the inline FIRE button (through Missions' <see cref="FireMissionCommand"/>); admins' /health, /halt, /resume.</summary>
internal sealed partial class CommandRouter
{
    private async Task MissionsAsync(long chat, TelegramIdentity who, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var open = await TrySendAsync(new ListOpenMissions(new UserId(user.Id), 5), ct);
        if (open is null)
        {
            await bot.SendMessageAsync(chat, "Missions are not available on this server right now.", ct: ct);
            return;
        }

        if (open.Count == 0)
        {
            await bot.SendMessageAsync(chat, "No open missions right now. New ones arrive here as alerts.", ct: ct);
            return;
        }

        var rows = new List<IReadOnlyList<InlineButton>>();
        var lines = new List<string>();
        foreach (var m in open)
        {
            var side = m.Side == Side.Buy ? "BUY" : "SELL";
            lines.Add($"<b>{HtmlEncode(m.Symbol)} {side}</b> {m.Volume.ToString(CultureInfo.InvariantCulture)} lots · entry {m.Entry.ToString(CultureInfo.InvariantCulture)} · " +
                      $"expires {m.ExpiresAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC\n<code>{m.MissionId.Value}</code>");
            var buttons = new List<InlineButton>();
            if (m.Fireable)
            {
                buttons.Add(InlineButton.Callback($"🔥 FIRE {m.Symbol} {side}", FireCallback.Data(m.MissionId)));
            }

            if (Uri.TryCreate(telegram.Value.MiniAppUrl, UriKind.Absolute, out var app))
            {
                buttons.Add(InlineButton.MiniApp("Open", new Uri(app, $"/hud?mission={m.MissionId.Value}").ToString()));
            }

            if (buttons.Count > 0)
            {
                rows.Add(buttons);
            }
        }

        await bot.SendMessageAsync(chat, "<b>Open missions</b>\n" + string.Join("\n\n", lines), keyboard: rows.Count > 0 ? new InlineKeyboard(rows) : null, ct: ct);
    }

    private async Task FireCommandAsync(long chat, TelegramIdentity who, string argument, CancellationToken ct)
    {
        if (!Ulid.TryParse(argument.Trim(), out var ulid))
        {
            await bot.SendMessageAsync(chat, "Use /fire &lt;mission id&gt; (the id /missions shows), or press a FIRE button.", ct: ct);
            return;
        }

        var user = await users.UpsertAsync(who, null, ct);
        await bot.SendMessageAsync(chat, await FireAsync(user, new MissionId(ulid.Value), ct), ct: ct);
    }

    private async Task CallbackAsync(TelegramCallbackQuery callback, CancellationToken ct)
    {
        if (callback.Data?.StartsWith(StatsPrefix, StringComparison.Ordinal) == true && !callback.From.IsBot)
        {
            await RefreshStatsAsync(callback, ct);
            return;
        }

        if (!FireCallback.TryParse(callback.Data, out var mission) || callback.From.IsBot)
        {
            await bot.AnswerCallbackQueryAsync(callback.Id, "This button is not active any more.", ct: ct);
            return;
        }

        var user = await users.UpsertAsync(new TelegramIdentity(callback.From.Id, callback.From.FirstName, callback.From.LastName, callback.From.Username, callback.From.LanguageCode), null, ct);
        var result = await FireAsync(user, mission, ct);
        await bot.AnswerCallbackQueryAsync(callback.Id, StripTags(result), ct: ct);
        if (callback.Message is { } message)
        {
            // The alert keeps its text; the FIRE button gives way to the outcome.
            await bot.EditMessageTextAsync(message.Chat.Id, message.MessageId, (message.Text is { Length: > 0 } text ? HtmlEncode(text) + "\n\n" : string.Empty) + result, ct: ct);
        }
    }

    private async Task<string> FireAsync(UserRecord user, MissionId mission, CancellationToken ct)
    {
        var decision = await TrySendAsync(new FireMissionCommand(mission, new UserId(user.Id), FireSource.TelegramBot), ct);
        await audit.RecordAsync(new UserId(user.Id), "mission.fire", $"mission:{mission.Value}",
            decision is null ? "refused: missions unavailable" : decision.Accepted ? $"accepted, fire {decision.FireId?.Value}" : $"refused: {decision.Refusal}", ct, AuditLog.Telegram);
        return decision switch
        {
            null => "Missions are not available on this server right now.",
            { Accepted: true } => $"🔥 <b>Fired.</b> Fire <code>{decision.FireId?.Value}</code> is on its way to your terminal.",
            { Refusal: FireRefusal.NotFound or FireRefusal.NotOwner } => "You have no such mission.",
            _ => $"Not fired: {HtmlEncode(decision.Reason ?? decision.Refusal.ToString())}",
        };
    }

    private async Task AdminAsync(long chat, TelegramIdentity who, string command, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        if (!user.Roles.HasFlag(UserRoles.Admin))
        {
            await bot.SendMessageAsync(chat, $"/{command} is for administrators.", ct: ct);
            return;
        }

        if (command == "health")
        {
            var lines = new List<string>();
            foreach (var contributor in services.GetServices<IHealthContributor>())
            {
                var state = await contributor.CheckAsync(ct);
                lines.Add($"{HtmlEncode(contributor.Name)}: <b>{state.State.ToString().ToLowerInvariant()}</b>{(state.Description is { } d ? " – " + HtmlEncode(d) : string.Empty)}");
            }

            await bot.SendMessageAsync(chat, "<b>System health</b>\n" + (lines.Count == 0 ? "no contributors registered" : string.Join("\n", lines)), ct: ct);
            return;
        }

        var halt = command == "halt";
        var request = new SetTradingHalt(halt, $"user {user.Id} (telegram)");
        bool? halted = IsHandled(request) ? await services.GetRequiredService<IMediator>().Send(request, ct) : null;
        await audit.RecordAsync(new UserId(user.Id), halt ? "trading.halt" : "trading.resume", "all", halted is null ? "execution unavailable" : null, ct, AuditLog.Telegram);
        await bot.SendMessageAsync(chat, halted switch
        {
            null => "Execution is not running on this server; nothing to halt.",
            true => "⛔ <b>Trading halted.</b> No new fire leaves BITTEN until /resume.",
            false => "✅ <b>Trading resumed.</b>",
        }, ct: ct);
    }

    /// <summary>Sends a request to another module; null when that module is switched off (no handler).</summary>
    private async Task<TResponse?> TrySendAsync<TResponse>(IRequest<TResponse> request, CancellationToken ct)
        where TResponse : class? =>
        IsHandled(request) ? await services.GetRequiredService<IMediator>().Send(request, ct) : null;

    private bool IsHandled<TResponse>(IRequest<TResponse> request) =>
        services.GetService(typeof(IRequestHandler<,>).MakeGenericType(request.GetType(), typeof(TResponse))) is not null;

    /// <summary>answerCallbackQuery text is plain and at most 200 characters.</summary>
    private static string StripTags(string html)
    {
        var text = HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));
        return text.Length > 190 ? text[..190] : text;
    }
}
