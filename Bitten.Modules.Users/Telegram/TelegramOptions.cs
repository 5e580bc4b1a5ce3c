using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Users.Telegram;

/// <summary>The Telegram bot (section <c>Telegram</c>). Without a bot token the bot and Telegram sign-in are off.</summary>
internal sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The bot token from @BotFather. A secret: never logged, redacted from URLs and errors.</summary>
    public string? BotToken { get; set; }

    /// <summary>Bot API server; a self-hosted telegram-bot-api server works too.</summary>
    [Required(ErrorMessage = "Telegram:ApiBaseUrl is required (default https://api.telegram.org).")]
    [Url(ErrorMessage = "Telegram:ApiBaseUrl must be an absolute http(s) URL such as https://api.telegram.org.")]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>Timeout of one HTTP attempt (long polls add their own poll timeout on top).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00",
        ErrorMessage = "Telegram:RequestTimeout must be between 00:00:01 and 00:05:00 (default 00:00:15).")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts per call, the first included, for 429, 5xx and timeouts.</summary>
    [Range(1, 10, ErrorMessage = "Telegram:MaxAttempts must be between 1 and 10 (default 4).")]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off delay for 5xx and timeouts (exponential with jitter after that).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00",
        ErrorMessage = "Telegram:RetryBaseDelay must be between 00:00:00 and 00:01:00 (default 00:00:01).")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>retry_after</c> we wait inside one call; longer ones are returned as rate-limited.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00",
        ErrorMessage = "Telegram:MaxRetryAfter must be between 00:00:00 and 00:10:00 (default 00:01:00).")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Receive updates by long polling getUpdates (the only receive mode built so far).</summary>
    public bool Polling { get; set; } = true;

    /// <summary>Long-poll timeout sent to getUpdates.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:50",
        ErrorMessage = "Telegram:PollTimeout must be between 00:00:00 and 00:00:50 (default 00:00:30).")]
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Public https URL of <c>/api/telegram/webhook</c>; when set, updates arrive by webhook instead of polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram sends in <c>X-Telegram-Bot-Api-Secret-Token</c> (1–256 of A–Z a–z 0–9 _ -); required with a webhook.</summary>
    public string? WebhookSecret { get; set; }

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>The HUD Mini App URL (https) for the button under /start; none when empty.</summary>
    public string? MiniAppUrl { get; set; }

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);
}
