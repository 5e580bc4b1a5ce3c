namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>Message</c> (the fields we use).</summary>
internal sealed record TelegramMessage(long MessageId, TelegramChat Chat, TelegramUser? From, long Date, string? Text);
