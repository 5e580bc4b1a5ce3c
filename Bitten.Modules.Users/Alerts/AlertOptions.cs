using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Users.Alerts;

/// <summary>The alert outbox sender (section <c>Alerts</c>): Telegram's broadcast limits and retries.</summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Runs the sender (tests and a bot-less deployment switch it off).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>Messages per second across all chats (Telegram allows about 30).</summary>
    [Range(1, 1000, ErrorMessage = "Alerts:GlobalPerSecond must be between 1 and 1000 (default 30).")]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Minimum spacing between two messages to one chat (Telegram allows about 1 per second).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00",
        ErrorMessage = "Alerts:PerChatInterval must be between 00:00:00 and 00:01:00 (default 00:00:01).")]
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts per alert (each attempt already includes the client's own retries).</summary>
    [Range(1, 100, ErrorMessage = "Alerts:MaxAttempts must be between 1 and 100 (default 8).")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>An alert not delivered within this age is dropped rather than sent late.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00",
        ErrorMessage = "Alerts:MaxAge must be between 00:01:00 and 7.00:00:00 (default 1.00:00:00).")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(1);
}
