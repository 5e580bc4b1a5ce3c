using Bitten.Contracts.Users;

namespace Bitten.Modules.Users.Tiers;

/// <summary>One tier's rights (configuration <c>Tiers:Definitions:{NAME}</c>).</summary>
internal sealed class TierDefinition
{
    public FireMode FireMode { get; set; } = FireMode.Manual;

    public int MaxOpenFires { get; set; } = 1;

    public bool AutoFire { get; set; }

    public bool Bitmode { get; set; }

    public decimal MaxRiskPercent { get; set; } = 2m;
}
