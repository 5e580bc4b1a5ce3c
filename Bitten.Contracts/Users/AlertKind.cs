namespace Bitten.Contracts.Users;

/// <summary>Kinds of Telegram alert; each user chooses on, silent or off per kind. Stored: never renumbered.</summary>
public enum AlertKind
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
