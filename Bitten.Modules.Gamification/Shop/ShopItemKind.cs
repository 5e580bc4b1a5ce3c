namespace Bitten.Modules.Gamification.Shop;

/// <summary>What an item is. Sent over the API by name; values never renumbered.</summary>
internal enum ShopItemKind
{
    Unknown = 0,
    Badge = 1,
    HudTheme = 2,
    JournalTemplate = 3,
    ExtendedStatistics = 4,
}
