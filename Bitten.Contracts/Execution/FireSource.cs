namespace Bitten.Contracts.Execution;

/// <summary>Who pressed the trigger. Stored: never renumbered.</summary>
public enum FireSource
{
    Unknown = 0,
    Http = 1,
    TelegramBot = 2,
    AutoFire = 3,
}
