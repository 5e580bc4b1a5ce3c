namespace Bitten.Contracts.Users;

/// <summary>The tone of a user's daily drill report. Stored: explicit values, never renumbered.</summary>
public enum DrillTone
{
    Unknown = 0,
    Harsh = 1,
    Balanced = 2,
    Encouraging = 3,
    Off = 4,
}
