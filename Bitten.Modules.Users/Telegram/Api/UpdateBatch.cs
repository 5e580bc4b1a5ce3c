namespace Bitten.Modules.Users.Telegram.Api;

/// <summary>One getUpdates answer: the readable updates, and the offset that acknowledges all of them (bad ones too).</summary>
internal sealed record UpdateBatch(IReadOnlyList<TelegramUpdate> Updates, long NextOffset, int Skipped);
