namespace Bitten.Modules.Users.Alerts;

/// <summary>Where an outbox alert is. Stored: explicit values, never renumbered.</summary>
internal enum AlertStatus
{
    Unknown = 0,
    Pending = 1,
    Sent = 2,

    /// <summary>Telegram refused it for good (bad request) or attempts ran out.</summary>
    Failed = 3,

    /// <summary>Not sent because the user blocked the bot or turned this kind off before delivery.</summary>
    Dropped = 4,
}
