namespace Bitten.Modules.Users.Telegram;

/// <summary>The result of one Bot API call: never an exception for an API-level failure.</summary>
internal sealed record TelegramResult<T>(TelegramOutcome Outcome, T? Value, int? ErrorCode, string? Description, TimeSpan? RetryAfter = null)
{
    public bool Ok => Outcome == TelegramOutcome.Ok;

    public bool Blocked => Outcome == TelegramOutcome.Blocked;

    public TelegramResult<TOther> As<TOther>(TOther? value = default) => new(Outcome, value, ErrorCode, Description, RetryAfter);
}
