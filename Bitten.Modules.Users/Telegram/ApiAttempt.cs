using System.Text.Json;

namespace Bitten.Modules.Users.Telegram;

/// <summary>One HTTP attempt at a Bot API method, already classified; the retry pipeline decides on it.</summary>
internal sealed record ApiAttempt(TelegramOutcome Outcome, int StatusCode, JsonElement Result, int? ErrorCode, string? Description, TimeSpan? RetryAfter, bool Retryable);
