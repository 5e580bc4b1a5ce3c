namespace Bitten.Contracts.Signals;

/// <summary>How a signal's virtual trade ended (DOMAIN §10). Stored: never renumbered.</summary>
public enum SignalOutcome
{
    Unknown = 0,
    Win = 1,
    Loss = 2,
    Timeout = 3,
}
