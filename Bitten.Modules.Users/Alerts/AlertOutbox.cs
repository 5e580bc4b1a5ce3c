using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Alerts;

/// <summary>
/// Puts alerts into the outbox. <see cref="StageAsync"/> only adds the row to the caller's context, so
/// it commits in the same transaction as the state change that decided to alert; the sender is woken
/// after the commit.
/// </summary>
internal sealed class AlertOutbox(UsersDbContext db, TimeProvider time, AlertSignal signal)
{
    public const int MaxHtmlLength = 4096;
    public const int MaxDedupeKeyLength = 128;

    public async Task<AlertQueueOutcome> StageAsync(UserId userId, AlertKind kind, string html, string dedupeKey, IReadOnlyList<AlertButton>? buttons, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(html) || html.Length > MaxHtmlLength || string.IsNullOrWhiteSpace(dedupeKey) || dedupeKey.Length > MaxDedupeKeyLength)
        {
            return AlertQueueOutcome.Rejected;
        }

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId.Value)
            .Select(u => new { u.TelegramId, u.IsActive, Mode = u.NotificationSettings.Where(n => n.Event == kind).Select(n => n.Mode).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return AlertQueueOutcome.UnknownUser;
        }

        if (!user.IsActive)
        {
            return AlertQueueOutcome.UserInactive;
        }

        if (user.Mode == NotificationMode.Off)
        {
            return AlertQueueOutcome.MutedByUser;
        }

        if (await db.Alerts.AnyAsync(a => a.UserId == userId.Value && a.DedupeKey == dedupeKey, ct)
            || db.Alerts.Local.Any(a => a.UserId == userId.Value && a.DedupeKey == dedupeKey))
        {
            return AlertQueueOutcome.Duplicate;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        db.Alerts.Add(new AlertRecord
        {
            UserId = userId.Value,
            ChatId = user.TelegramId,
            Kind = kind,
            DedupeKey = dedupeKey,
            Html = html,
            KeyboardJson = buttons is { Count: > 0 } ? JsonSerializer.Serialize(Keyboard(buttons), TelegramBotClient.Json) : null,
            Silent = user.Mode == NotificationMode.Silent,
            CreatedAtMs = now,
            NextAttemptAtMs = now,
        });
        return AlertQueueOutcome.Queued;
    }

    /// <summary>Stages and commits one alert on its own (when nothing else changes with it).</summary>
    public async Task<AlertQueueOutcome> QueueAsync(UserId userId, AlertKind kind, string html, string dedupeKey, IReadOnlyList<AlertButton>? buttons, CancellationToken ct)
    {
        var outcome = await StageAsync(userId, kind, html, dedupeKey, buttons, ct);
        if (outcome != AlertQueueOutcome.Queued)
        {
            return outcome;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Alerts.AsNoTracking().AnyAsync(a => a.UserId == userId.Value && a.DedupeKey == dedupeKey, ct))
            {
                // a concurrent request with the same key won the unique index
                return AlertQueueOutcome.Duplicate;
            }

            throw;
        }

        signal.Notify();
        return outcome;
    }

    /// <summary>Wakes the sender; call after committing staged alerts.</summary>
    public void Committed() => signal.Notify();

    private static InlineKeyboard Keyboard(IReadOnlyList<AlertButton> buttons) =>
        new([[.. buttons.Select(b => b.CallbackData is { Length: > 0 } data ? InlineButton.Callback(b.Text, data)
            : b.OpenAsMiniApp ? InlineButton.MiniApp(b.Text, b.Url) : InlineButton.ToUrl(b.Text, b.Url))]]);
}
