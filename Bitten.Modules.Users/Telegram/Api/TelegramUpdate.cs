namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>Update</c>; kinds we do not handle arrive with both fields null.</summary>
internal sealed record TelegramUpdate(long UpdateId, TelegramMessage? Message, TelegramCallbackQuery? CallbackQuery);
