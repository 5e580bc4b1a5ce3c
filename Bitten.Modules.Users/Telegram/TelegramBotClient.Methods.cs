using System.Text.Json;
using Bitten.Modules.Users.Telegram.Api;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Telegram;

/// <summary>The typed Bot API methods BITTEN uses.</summary>
internal sealed partial class TelegramBotClient
{
    public Task<TelegramResult<TelegramUser>> GetMeAsync(CancellationToken ct) =>
        CallAsync("getMe", null, TimeSpan.Zero, r => r.Deserialize<TelegramUser>(Json) ?? throw new JsonException("null user"), ct);

    /// <summary>Long-polls for updates after <paramref name="offset"/>; unreadable updates are counted, skipped and still acknowledged.</summary>
    public Task<TelegramResult<UpdateBatch>> GetUpdatesAsync(long offset, TimeSpan pollTimeout, CancellationToken ct)
    {
        var seconds = (int)Math.Clamp(pollTimeout.TotalSeconds, 0, 50);
        return CallAsync("getUpdates", new { Offset = offset, Timeout = seconds, AllowedUpdates = new[] { "message", "callback_query" } },
            TimeSpan.FromSeconds(seconds), r => ReadUpdates(r, offset), ct);
    }

    public Task<TelegramResult<bool>> SetWebhookAsync(string url, string secretToken, bool dropPendingUpdates, CancellationToken ct) =>
        CallAsync("setWebhook", new { Url = url, SecretToken = secretToken, DropPendingUpdates = dropPendingUpdates, AllowedUpdates = new[] { "message", "callback_query" } },
            TimeSpan.Zero, r => r.GetBoolean(), ct);

    public Task<TelegramResult<bool>> DeleteWebhookAsync(bool dropPendingUpdates, CancellationToken ct) =>
        CallAsync("deleteWebhook", new { DropPendingUpdates = dropPendingUpdates }, TimeSpan.Zero, r => r.GetBoolean(), ct);

    /// <summary>Sends HTML text; <paramref name="silent"/> delivers without sound (a user's "silent" setting).</summary>
    public Task<TelegramResult<TelegramMessage>> SendMessageAsync(long chatId, string html, bool silent = false, InlineKeyboard? keyboard = null, CancellationToken ct = default) =>
        CallAsync("sendMessage",
            new { ChatId = chatId, Text = html, ParseMode = "HTML", DisableNotification = silent ? true : (bool?)null, ReplyMarkup = keyboard },
            TimeSpan.Zero, ReadMessage, ct);

    public Task<TelegramResult<TelegramMessage>> EditMessageTextAsync(long chatId, long messageId, string html, InlineKeyboard? keyboard = null, CancellationToken ct = default) =>
        CallAsync("editMessageText",
            new { ChatId = chatId, MessageId = messageId, Text = html, ParseMode = "HTML", ReplyMarkup = keyboard },
            TimeSpan.Zero, ReadMessage, ct);

    public Task<TelegramResult<bool>> AnswerCallbackQueryAsync(string callbackQueryId, string? text = null, bool showAlert = false, CancellationToken ct = default) =>
        CallAsync("answerCallbackQuery", new { CallbackQueryId = callbackQueryId, Text = text, ShowAlert = showAlert ? true : (bool?)null },
            TimeSpan.Zero, r => r.GetBoolean(), ct);

    public Task<TelegramResult<bool>> DeleteMessageAsync(long chatId, long messageId, CancellationToken ct = default) =>
        CallAsync("deleteMessage", new { ChatId = chatId, MessageId = messageId }, TimeSpan.Zero, r => r.GetBoolean(), ct);

    /// <summary>Reads one update; an unreadable one is counted, logged and returned as null, never thrown.</summary>
    public TelegramUpdate? ReadUpdate(JsonElement item, out long? updateId)
    {
        updateId = null;
        try
        {
            // inside the try: finding update_id decodes the other names, and one may be undecodable
            updateId = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("update_id", out var u) && u.ValueKind == JsonValueKind.Number && u.TryGetInt64(out var v) ? v : null;
            var update = (updateId is null ? null : item.Deserialize<TelegramUpdate>(Json)) ?? throw new JsonException("no update_id");
            return Missing(update) is { } field ? throw new JsonException($"{field} is required") : update;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            _metrics.BadUpdate();
            Log.TelegramBadUpdate(_logger, updateId, Redact(ex.Message));
            return null;
        }
    }

    /// <summary>A field the records declare non-null but JSON left out (the handlers would meet it as a null); null when complete.</summary>
    private static string? Missing(TelegramUpdate update) => update switch
    {
        { Message: { Chat: null } } => "message.chat",
        { Message.From: { FirstName: null } } => "message.from.first_name",
        { CallbackQuery: { Id: null } } => "callback_query.id",
        { CallbackQuery: { From: null } } => "callback_query.from",
        { CallbackQuery.From: { FirstName: null } } => "callback_query.from.first_name",
        { CallbackQuery.Message: { Chat: null } } => "callback_query.message.chat",
        _ => null,
    };

    private static TelegramMessage ReadMessage(JsonElement r) => r.Deserialize<TelegramMessage>(Json) ?? throw new JsonException("null message");

    private UpdateBatch ReadUpdates(JsonElement result, long offset)
    {
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("getUpdates result is not an array");
        }

        var updates = new List<TelegramUpdate>();
        var next = offset;
        var skipped = 0;
        foreach (var item in result.EnumerateArray())
        {
            var update = ReadUpdate(item, out var id);
            if (id is { } known)
            {
                next = Math.Max(next, known + 1);
            }

            if (update is null)
            {
                skipped++;
            }
            else
            {
                updates.Add(update);
            }
        }

        return new UpdateBatch(updates, next, skipped);
    }
}
