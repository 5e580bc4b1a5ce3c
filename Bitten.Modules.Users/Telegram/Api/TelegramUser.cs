namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>Bot API <c>User</c> (the fields we use).</summary>
internal sealed record TelegramUser(long Id, bool IsBot, string FirstName, string? LastName, string? Username, string? LanguageCode);
