namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>CallbackQuery</c>: an inline button with callback_data was pressed.</summary>
internal sealed record TelegramCallbackQuery(string Id, TelegramUser From, TelegramMessage? Message, string? Data);
