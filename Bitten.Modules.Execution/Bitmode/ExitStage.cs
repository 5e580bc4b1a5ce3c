namespace Bitten.Modules.Execution.Bitmode;

/// <summary>Where a fire's BITMODE exit stands (DOMAIN §9). Stored: never renumbered.</summary>
internal enum ExitStage
{
    Unknown = 0,

    /// <summary>Waiting for the price to reach 1 R.</summary>
    Armed = 1,

    /// <summary>The partial close (50 %) is sent and not yet seen done.</summary>
    PartialPending = 2,

    /// <summary>The stop-to-entry modify is sent and not yet seen in a heartbeat.</summary>
    BreakevenPending = 3,

    /// <summary>The stop is at entry or better; the rest trails by 1 × ATR(14) M5.</summary>
    Trailing = 4,

    /// <summary>A command went unacknowledged after every retry; nothing more is sent for this fire.</summary>
    GaveUp = 5,
}
