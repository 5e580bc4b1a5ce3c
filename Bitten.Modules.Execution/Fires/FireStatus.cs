namespace Bitten.Modules.Execution.Fires;

/// <summary>A fire's state in Execution's database. Stored: never renumbered.</summary>
internal enum FireStatus
{
    Unknown = 0,
    Queued = 1,
    Sent = 2,
    Filled = 3,
    Closed = 4,
    Rejected = 5,
    Failed = 6,
    Unconfirmed = 7,
}
