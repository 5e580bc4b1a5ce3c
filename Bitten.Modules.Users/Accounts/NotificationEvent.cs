namespace Bitten.Modules.Users.Accounts;

/// <summary>Kinds of message the bot sends; stored, so values are never renumbered.</summary>
internal enum NotificationEvent
{
    Unknown = 0,
    SignalAlert = 1,
    FireResult = 2,
    TradeClosed = 3,
    DrillReport = 4,
    Achievement = 5,
    RiskGuard = 6,
    System = 7,
}
