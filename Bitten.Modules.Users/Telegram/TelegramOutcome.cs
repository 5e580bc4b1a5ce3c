namespace Bitten.Modules.Users.Telegram;

/// <summary>How a Bot API call ended; also the <c>outcome</c> tag of <c>bitten_telegram_calls_total</c>.</summary>
internal enum TelegramOutcome
{
    Unknown = 0,
    Ok = 1,

    /// <summary>403: the user blocked the bot (or the bot was kicked); stop messaging them.</summary>
    Blocked = 2,

    /// <summary>429 and the wait was longer than allowed, or attempts ran out.</summary>
    RateLimited = 3,
    BadRequest = 4,

    /// <summary>401/404: the bot token is wrong or revoked.</summary>
    Unauthorized = 5,
    ServerError = 6,
    Timeout = 7,
    NetworkError = 8,

    /// <summary>The server answered something that is not a Bot API response.</summary>
    InvalidResponse = 9,

    /// <summary>No bot token configured: nothing was sent.</summary>
    NotConfigured = 10,
}
