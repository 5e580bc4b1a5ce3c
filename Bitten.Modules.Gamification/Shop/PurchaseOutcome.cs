namespace Bitten.Modules.Gamification.Shop;

/// <summary>What a purchase did.</summary>
internal enum PurchaseOutcome
{
    Unknown = 0,
    Bought = 1,
    AlreadyOwned = 2,
    InsufficientXp = 3,
    UnknownItem = 4,
}
