using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Gamification.Shop;

/// <summary>One item for sale.</summary>
internal sealed class ShopItem
{
    [Required(ErrorMessage = "Modules:Gamification:Shop:Items:n:Code is required.")]
    [RegularExpression("^[a-z0-9-]{1,48}$", ErrorMessage = "Modules:Gamification:Shop:Items:n:Code must be 1-48 of a-z, 0-9 and '-'.")]
    public string Code { get; set; } = string.Empty;

    [Required(ErrorMessage = "Modules:Gamification:Shop:Items:n:Name is required.")]
    public string Name { get; set; } = string.Empty;

    public ShopItemKind Kind { get; set; }

    [Range(1, 10_000_000, ErrorMessage = "Modules:Gamification:Shop:Items:n:Price must be 1-10000000 XP.")]
    public int Price { get; set; }
}
