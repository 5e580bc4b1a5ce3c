namespace Bitten.Modules.Gamification.Shop;

/// <summary>
/// The XP shop catalogue (section <c>Modules:Gamification:Shop</c>). When <see cref="Items"/> is empty the
/// built-in catalogue applies (a configured list replaces it, it is not merged). Only cosmetic and
/// informational kinds exist: nothing sold can raise risk.
/// </summary>
internal sealed class ShopOptions
{
    public const string SectionName = "Modules:Gamification:Shop";

    public List<ShopItem> Items { get; set; } = [];

    public static readonly IReadOnlyList<ShopItem> BuiltIn =
    [
        new() { Code = "badge-sniper", Name = "Sniper badge", Kind = ShopItemKind.Badge, Price = 500 },
        new() { Code = "badge-iron-discipline", Name = "Iron Discipline badge", Kind = ShopItemKind.Badge, Price = 1_000 },
        new() { Code = "hud-theme-night-ops", Name = "Night Ops HUD theme", Kind = ShopItemKind.HudTheme, Price = 1_500 },
        new() { Code = "hud-theme-desert", Name = "Desert HUD theme", Kind = ShopItemKind.HudTheme, Price = 1_500 },
        new() { Code = "journal-template-after-action", Name = "After-action review journal template", Kind = ShopItemKind.JournalTemplate, Price = 750 },
        new() { Code = "stats-extended", Name = "Extended statistics view", Kind = ShopItemKind.ExtendedStatistics, Price = 3_000 },
    ];

    public IReadOnlyList<ShopItem> Catalogue => Items.Count > 0 ? Items : BuiltIn;
}
