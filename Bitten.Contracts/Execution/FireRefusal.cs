namespace Bitten.Contracts.Execution;

/// <summary>Why a fire was refused (shown to the user with the reason text). Never renumbered.</summary>
public enum FireRefusal
{
    None = 0,
    NotFound = 1,
    NotOwner = 2,
    AlreadyFired = 3,
    Expired = 4,
    PriceMoved = 5,
    NoFreeSlot = 6,
    NoTerminal = 7,
    TerminalOffline = 8,
    SymbolUnavailable = 9,
    SymbolSuspended = 10,
    GuardBlocked = 11,
    Halted = 12,
    NotPermitted = 13,
    BelowMinimumVolume = 14,
    TacticRule = 15,
    Weekend = 16,
    RateLimited = 17,
}
