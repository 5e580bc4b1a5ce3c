using System.Globalization;
using Bitten.Contracts.Common;
using Bitten.Modules.Users.Accounts;
using static System.Net.WebUtility;

namespace Bitten.Modules.Users.Bot;

/// <summary>/mode, /risk, /drill, /notify (through the same validation as <c>PATCH /api/me/settings</c>), /unlink and /recruit.</summary>
internal sealed partial class CommandRouter
{
    private async Task SettingAsync(long chat, TelegramIdentity who, BotCommand command, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var id = new UserId(user.Id);
        var argument = command.Argument.Trim().ToLowerInvariant();
        if (command.Name == "notify" && argument.Length == 0)
        {
            var current = await settings.GetAsync(id, ct);
            var lines = current!.Notifications!.Select(n => $"{n.Key}: <b>{n.Value}</b>");
            await bot.SendMessageAsync(chat, "Your alerts:\n" + string.Join("\n", lines) + "\nChange one with /notify &lt;kind&gt; on|silent|off.", ct: ct);
            return;
        }

        SettingsDto? change = command.Name switch
        {
            "mode" when argument is "manual" or "auto" => new SettingsDto(null, argument == "auto", null, null, null, null, null),
            "risk" when decimal.TryParse(argument.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var risk) =>
                new SettingsDto(risk, null, null, null, null, null, null),
            "drill" when argument.Length > 0 => new SettingsDto(null, null, null, argument == "on" ? "balanced" : argument, null, null, null),
            "notify" when argument.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var kind, var mode] =>
                new SettingsDto(null, null, null, null, null, null, new Dictionary<string, string> { [kind] = mode }),
            _ => null,
        };
        if (change is null)
        {
            await bot.SendMessageAsync(chat, command.Name switch
            {
                "mode" => "Use /mode manual or /mode auto.",
                "risk" => "Use /risk &lt;percent&gt;, e.g. /risk 1.5",
                "drill" => "Use /drill on, off, harsh, balanced or encouraging.",
                _ => "Use /notify &lt;kind&gt; on|silent|off, e.g. /notify drill_report off",
            }, ct: ct);
            return;
        }

        var (updated, errors) = await settings.UpdateAsync(id, change, ct);
        if (errors.Count > 0 || updated is null)
        {
            await bot.SendMessageAsync(chat, "Not changed: " + HtmlEncode(string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key} {v}")))), ct: ct);
            return;
        }

        await bot.SendMessageAsync(chat, command.Name switch
        {
            "mode" => $"Auto-fire is now <b>{(updated.AutoFire == true ? "on" : "off")}</b>.",
            "risk" => $"Risk per trade is now <b>{updated.RiskPercent?.ToString(CultureInfo.InvariantCulture)} %</b>.",
            "drill" => $"Drill reports: <b>{updated.DrillTone}</b>.",
            _ => "Alerts updated: " + string.Join(", ", change.Notifications!.Keys.Select(k => $"{HtmlEncode(k)} <b>{updated.Notifications![k]}</b>")),
        }, ct: ct);
    }

    private async Task UnlinkAsync(long chat, TelegramIdentity who, string eaId, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var text = eaId.Length == 0
            ? "Use /unlink &lt;ea_id&gt; (see /me for your terminals)."
            : await eas.UnlinkAsync(new UserId(user.Id), eaId.Trim(), ct)
                ? $"Terminal <code>{HtmlEncode(eaId.Trim())}</code> unlinked; its token no longer works."
                : $"You have no terminal <code>{HtmlEncode(eaId.Trim())}</code>.";
        await bot.SendMessageAsync(chat, text, ct: ct);
    }

    private async Task RecruitAsync(long chat, TelegramIdentity who, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        await bot.SendMessageAsync(chat,
            $"Your referral code: <code>{user.ReferralCode}</code>\nA recruit joins by sending <code>/start ref_{user.ReferralCode}</code> to this bot " +
            "(or opening the bot with that start parameter). You both earn XP when they trade.", ct: ct);
    }

    private async Task GameAsync(long chat, TelegramIdentity who, BotCommand command, CancellationToken ct)
    {
        var user = await users.UpsertAsync(who, null, ct);
        var id = new UserId(user.Id);
        if (command.Name == "tactics")
        {
            var progress = await TrySendAsync(new Contracts.Gamification.GetUserProgress(id), ct);
            await bot.SendMessageAsync(chat, progress is null
                ? "Tactics are not available on this server right now."
                : $"Today's tactic: <b>{HtmlEncode(progress.Tactic ?? "none chosen")}</b> (rank {HtmlEncode(progress.Rank)}). Choose or change it in the HUD once per day.", ct: ct);
            return;
        }

        if (command.Argument.Length == 0)
        {
            await bot.SendMessageAsync(chat, "Use /notebook &lt;text&gt; to write a journal entry.", ct: ct);
            return;
        }

        var request = new Contracts.Gamification.AddNotebookEntry(id, command.Argument);
        var handled = services.GetService(typeof(MediatR.IRequestHandler<Contracts.Gamification.AddNotebookEntry, long>)) is not null;
        if (!handled)
        {
            await bot.SendMessageAsync(chat, "The notebook is not available on this server right now.", ct: ct);
            return;
        }

        var entry = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MediatR.IMediator>(services).Send(request, ct);
        await bot.SendMessageAsync(chat, $"📓 Saved to your notebook (entry {entry.ToString(CultureInfo.InvariantCulture)}).", ct: ct);
    }
}
