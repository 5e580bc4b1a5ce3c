using System.Data.Common;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Telegram;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>
    /// Queues alerts of one kind for many users in one transaction (a signal's fan-out): the users' chat, state and
    /// notification mode in one query, then one prepared <c>INSERT … ON CONFLICT (user_id, dedupe_key) DO NOTHING</c>
    /// per alert, so a batch announced again queues nothing twice and logs nothing. Both statements keep one SQL text
    /// whatever the batch size (the user ids travel as one JSON parameter read by <c>json_each</c>).
    /// </summary>
    public async Task<AlertBatchOutcome> QueueManyAsync(AlertKind kind, IReadOnlyList<BatchAlert> alerts, CancellationToken ct)
    {
        var valid = alerts.Where(a => !string.IsNullOrWhiteSpace(a.Html) && a.Html.Length <= MaxHtmlLength
            && !string.IsNullOrWhiteSpace(a.DedupeKey) && a.DedupeKey.Length <= MaxDedupeKeyLength).ToList();
        var outcome = new AlertBatchOutcome { Rejected = alerts.Count - valid.Count };
        if (valid.Count == 0)
        {
            return outcome;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var recipients = new Dictionary<long, (long ChatId, bool Active, NotificationMode Mode)>(valid.Count);
            await using (var query = connection.CreateCommand())
            {
                query.CommandText = "SELECT u.id, u.telegram_id, u.is_active, "
                    + "(SELECT n.mode FROM notification_settings n WHERE n.user_id = u.id AND n.event = @kind) "
                    + "FROM users u WHERE u.id IN (SELECT value FROM json_each(@ids))";
                AddParameter(query, "@kind", (int)kind);
                AddParameter(query, "@ids", JsonSerializer.Serialize(valid.Select(a => a.UserId.Value).Distinct()));
                await using var reader = await query.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    recipients[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetBoolean(2), reader.IsDBNull(3) ? NotificationMode.Unknown : (NotificationMode)reader.GetInt32(3));
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = "INSERT INTO alert_outbox (user_id, chat_id, kind, dedupe_key, html, keyboard_json, silent, status, attempts, created_at_ms, next_attempt_at_ms) "
                + "VALUES (@user, @chat, @kind, @key, @html, @keyboard, @silent, @status, 0, @now, @now) ON CONFLICT (user_id, dedupe_key) DO NOTHING";
            var user = AddParameter(insert, "@user", 0L);
            var chat = AddParameter(insert, "@chat", 0L);
            AddParameter(insert, "@kind", (int)kind);
            var key = AddParameter(insert, "@key", string.Empty);
            var html = AddParameter(insert, "@html", string.Empty);
            var keyboard = AddParameter(insert, "@keyboard", DBNull.Value);
            var silent = AddParameter(insert, "@silent", false);
            AddParameter(insert, "@status", (int)AlertStatus.Pending);
            AddParameter(insert, "@now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await insert.PrepareAsync(ct);
            foreach (var alert in valid)
            {
                if (!recipients.TryGetValue(alert.UserId.Value, out var r))
                {
                    outcome.UnknownUser++;
                    continue;
                }

                if (!r.Active || r.Mode == NotificationMode.Off)
                {
                    outcome.Muted++;
                    continue;
                }

                user.Value = alert.UserId.Value;
                chat.Value = r.ChatId;
                key.Value = alert.DedupeKey;
                html.Value = alert.Html;
                keyboard.Value = alert.Buttons is { Count: > 0 } buttons ? JsonSerializer.Serialize(Keyboard(buttons), TelegramBotClient.Json) : DBNull.Value;
                silent.Value = r.Mode == NotificationMode.Silent;
                if (await insert.ExecuteNonQueryAsync(ct) == 1)
                {
                    outcome.Queued++;
                }
                else
                {
                    outcome.Duplicate++;
                }
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        if (outcome.Queued > 0)
        {
            signal.Notify();
        }

        return outcome;
    }

    /// <summary>Wakes the sender; call after committing staged alerts.</summary>
    public void Committed() => signal.Notify();

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
        return p;
    }

    private static InlineKeyboard Keyboard(IReadOnlyList<AlertButton> buttons) =>
        new([[.. buttons.Select(b => b.CallbackData is { Length: > 0 } data ? InlineButton.Callback(b.Text, data)
            : b.OpenAsMiniApp ? InlineButton.MiniApp(b.Text, b.Url) : InlineButton.ToUrl(b.Text, b.Url))]]);
}

/// <summary>One alert of a <see cref="AlertOutbox.QueueManyAsync"/> batch.</summary>
internal sealed record BatchAlert(UserId UserId, string Html, string DedupeKey, IReadOnlyList<AlertButton>? Buttons);

/// <summary>What a batch did: alerts queued, already queued before (same dedupe key), and skipped.</summary>
internal sealed class AlertBatchOutcome
{
    public int Queued { get; set; }

    public int Duplicate { get; set; }

    public int Muted { get; set; }

    public int UnknownUser { get; set; }

    public int Rejected { get; set; }
}
