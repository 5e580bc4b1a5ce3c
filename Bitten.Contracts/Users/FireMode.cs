namespace Bitten.Contracts.Users;

/// <summary>How a tier may fire missions. Stored and sent: explicit values, never renumbered.</summary>
public enum FireMode
{
    Unknown = 0,

    /// <summary>View signals; fire only on a demo account (PRESS).</summary>
    DemoOnly = 1,

    /// <summary>Manual fire only.</summary>
    Manual = 2,

    /// <summary>Manual fire and opt-in auto-fire.</summary>
    ManualAndAuto = 3,
}
