using Bitten.Contracts.Common;

namespace Bitten.Contracts.Users;

/// <summary>What a user's tier allows right now (tiers are configuration, DOMAIN §8).</summary>
/// <param name="UserId">The user asked about.</param>
/// <param name="Tier">Tier name, e.g. <c>COMMANDER</c>.</param>
/// <param name="FireMode">How the tier may fire.</param>
/// <param name="CanFire">True when the user may fire on a live account (manual or auto).</param>
/// <param name="MaxOpenFires">Open fires allowed at once.</param>
/// <param name="AutoFireAllowed">True when the tier allows auto-fire (the user still opts in).</param>
/// <param name="Bitmode">True when BITMODE exits are available.</param>
/// <param name="MaxRiskPercent">Cap on risk per trade, percent of balance.</param>
/// <param name="IsActive">False when the user blocked the bot or was deactivated.</param>
public sealed record UserEntitlements(
    UserId UserId,
    string Tier,
    FireMode FireMode,
    bool CanFire,
    int MaxOpenFires,
    bool AutoFireAllowed,
    bool Bitmode,
    decimal MaxRiskPercent,
    bool IsActive);
