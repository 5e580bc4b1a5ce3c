using Bitten.Contracts.Users;

namespace Bitten.Modules.Users.Tiers;

/// <summary>
/// The tiers (section <c>Tiers</c>). The DOMAIN §8 table is the default; configuration overrides a
/// tier's fields or adds tiers. Validated at start by <see cref="TiersOptionsValidator"/>.
/// </summary>
internal sealed class TiersOptions
{
    public const string SectionName = "Tiers";

    /// <summary>The tier a new user gets.</summary>
    public string Default { get; set; } = "PRESS";

    public Dictionary<string, TierDefinition> Definitions { get; set; } = new(StringComparer.Ordinal)
    {
        ["PRESS"] = new() { FireMode = FireMode.DemoOnly, MaxOpenFires = 1, AutoFire = false, Bitmode = false, MaxRiskPercent = 2m },
        ["GLADIATOR"] = new() { FireMode = FireMode.Manual, MaxOpenFires = 1, AutoFire = false, Bitmode = false, MaxRiskPercent = 2m },
        ["REAPER"] = new() { FireMode = FireMode.Manual, MaxOpenFires = 2, AutoFire = false, Bitmode = false, MaxRiskPercent = 2m },
        ["COMMANDER"] = new() { FireMode = FireMode.ManualAndAuto, MaxOpenFires = 3, AutoFire = true, Bitmode = false, MaxRiskPercent = 3m },
        ["FANG"] = new() { FireMode = FireMode.ManualAndAuto, MaxOpenFires = 3, AutoFire = true, Bitmode = true, MaxRiskPercent = 3m },
        ["FANG_PLUS"] = new() { FireMode = FireMode.ManualAndAuto, MaxOpenFires = 5, AutoFire = true, Bitmode = true, MaxRiskPercent = 5m },
    };
}
