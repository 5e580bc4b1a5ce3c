namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>Chat</c> (the fields we use).</summary>
internal sealed record TelegramChat(long Id, string? Type);
