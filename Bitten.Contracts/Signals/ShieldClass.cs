namespace Bitten.Contracts.Signals;

/// <summary>CITADEL shield classes (DOMAIN §6) with their size multipliers. Never a filter.</summary>
public enum ShieldClass
{
    Unknown = 0,
    /// <summary>score ≥ 8.0, ×1.5 size</summary>
    ShieldApproved = 1,
    /// <summary>6.0–7.99, ×1.0</summary>
    ShieldActive = 2,
    /// <summary>4.0–5.99, ×0.5</summary>
    VolatilityZone = 3,
    /// <summary>&lt; 4.0, ×0.25</summary>
    Unverified = 4,
}
