using Bitten.Contracts.Users;

namespace Bitten.Modules.Users.Alerts;

/// <summary>One row of the alert outbox: written with the decision to alert, drained by <see cref="AlertSender"/>.</summary>
internal sealed class AlertRecord
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public long ChatId { get; set; }

    public AlertKind Kind { get; set; }

    public string DedupeKey { get; set; } = string.Empty;

    public string Html { get; set; } = string.Empty;

    /// <summary>Bot API <c>InlineKeyboardMarkup</c> JSON, or null.</summary>
    public string? KeyboardJson { get; set; }

    public bool Silent { get; set; }

    public AlertStatus Status { get; set; } = AlertStatus.Pending;

    public int Attempts { get; set; }

    public long CreatedAtMs { get; set; }

    public long NextAttemptAtMs { get; set; }

    public long? SentAtMs { get; set; }

    public long? TelegramMessageId { get; set; }

    public string? LastError { get; set; }
}
