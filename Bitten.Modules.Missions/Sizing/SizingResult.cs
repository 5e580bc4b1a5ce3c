using Bitten.Contracts.Execution;

namespace Bitten.Modules.Missions.Sizing;

/// <summary>
/// A mission's size: <see cref="Volume"/> in lots (rounded down to the step), risk and reward in account
/// currency at that volume, and the risk in percent of balance that was aimed at. A mission that cannot be
/// fired carries the refusal and a reason the user can act on.
/// </summary>
internal sealed record SizingResult(
    decimal Volume,
    decimal RiskMoney,
    decimal RewardMoney,
    decimal TargetRiskMoney,
    decimal TargetRiskPercent,
    decimal RequiredVolume,
    FireRefusal Refusal,
    string? Reason)
{
    public bool Fireable => Refusal == FireRefusal.None;

    public static SizingResult NotSized(FireRefusal refusal, string reason) => new(0m, 0m, 0m, 0m, 0m, 0m, refusal, reason);
}
