namespace Bitten.Contracts.Common;

/// <summary>
/// A mission's state (DOMAIN §9): PENDING → FIRING → SENT → FILLED → CLOSED, PENDING → EXPIRED/SKIPPED,
/// FIRING/SENT → REJECTED/FAILED/UNCONFIRMED. Stored and sent: never renumbered.
/// </summary>
public enum MissionStatus
{
    Unknown = 0,
    Pending = 1,
    Firing = 2,
    Sent = 3,
    Filled = 4,
    Closed = 5,
    Expired = 6,
    Skipped = 7,
    Rejected = 8,
    Failed = 9,
    Unconfirmed = 10,
    ViewOnly = 11,
}
