using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Tiers;

/// <summary>Turns a stored tier name into entitlements; an unknown name falls back to the default tier.</summary>
internal sealed class TierCatalog(IOptions<TiersOptions> options)
{
    public string DefaultTier => options.Value.Default;

    public bool Exists(string tier) => options.Value.Definitions.ContainsKey(tier);

    public UserEntitlements Entitlements(UserId user, string tier, bool isActive)
    {
        var known = options.Value.Definitions.TryGetValue(tier, out var d);
        if (!known)
        {
            tier = options.Value.Default;
            d = options.Value.Definitions[tier];
        }

        var canFire = isActive && d!.FireMode is FireMode.Manual or FireMode.ManualAndAuto;
        return new UserEntitlements(user, tier, d!.FireMode, canFire, d.MaxOpenFires,
            d.AutoFire && d.FireMode == FireMode.ManualAndAuto, d.Bitmode, d.MaxRiskPercent, isActive);
    }
}
