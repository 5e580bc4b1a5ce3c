using System.Globalization;
using Bitten.Contracts.Execution;

namespace Bitten.Modules.Missions.Sizing;

/// <summary>
/// DOMAIN §9 sizing, a pure function: risk = balance × risk % (capped by the tier) × shield multiplier,
/// halved after the daily-loss halving line, capped by what is left of today's loss budget; volume =
/// risk / (|entry − sl| × value of one price unit for one lot), rounded down to the volume step, capped
/// at the maximum; below the minimum the mission says so and cannot be fired.
/// </summary>
internal static class PositionSizer
{
    public static SizingResult Size(in SizingInput input)
    {
        if (input.Balance <= 0)
        {
            return SizingResult.NotSized(FireRefusal.NotPermitted, $"the account balance is {Money(input.Balance)}: nothing to risk");
        }

        var distance = Math.Abs(input.Entry - input.StopLoss);
        if (distance == 0)
        {
            return SizingResult.NotSized(FireRefusal.NotPermitted, "the signal's stop equals its entry: the mission cannot be sized");
        }

        if (input.ValuePerPriceUnit <= 0 || input.Limits.Step <= 0 || input.Limits.Min <= 0 || input.Limits.Max < input.Limits.Min)
        {
            return SizingResult.NotSized(FireRefusal.SymbolUnavailable, "the symbol's tick value or volume limits are not usable: the mission cannot be sized");
        }

        var percent = input.MaxRiskPercent > 0 ? Math.Min(input.RiskPercent, input.MaxRiskPercent) : input.RiskPercent;
        var target = input.Balance * percent / 100m * input.ShieldMultiplier;

        // Start-of-day equity is the base of the daily budget; before the EA reports it, today's loss budget is taken from the balance.
        var dayBase = input.StartOfDayEquity > 0 ? input.StartOfDayEquity : input.Balance;
        var lostToday = Math.Max(0m, -input.RealisedTodayMoney);
        if (input.HalveRiskAfterDailyLossPercent > 0 && lostToday >= dayBase * input.HalveRiskAfterDailyLossPercent / 100m)
        {
            target /= 2m;
        }

        var budgetLeft = dayBase * input.DailyLossCapPercent / 100m - lostToday;
        if (budgetLeft <= 0)
        {
            return SizingResult.NotSized(FireRefusal.GuardBlocked,
                $"today's loss budget is spent: lost {Money(lostToday)} of {Money(dayBase * input.DailyLossCapPercent / 100m)} ({Number(input.DailyLossCapPercent)} % of start-of-day equity)");
        }

        target = Math.Min(target, budgetLeft);
        var perLot = distance * input.ValuePerPriceUnit;
        var required = target / perLot;
        // Rounded to 8 places first so that decimal noise (0.99999999999… steps) does not lose a whole step.
        var volume = Math.Floor(Math.Round(required / input.Limits.Step, 8)) * input.Limits.Step;
        if (volume > input.Limits.Max)
        {
            volume = input.Limits.Max;
        }

        var targetPercent = Math.Round(target / input.Balance * 100m, 4);
        if (volume < input.Limits.Min)
        {
            return new SizingResult(0m, 0m, 0m, Math.Round(target, 2), targetPercent, Math.Round(required, 4), FireRefusal.BelowMinimumVolume,
                $"below minimum volume: needs {Number(Math.Round(required, 4))}, broker minimum {Number(input.Limits.Min)}");
        }

        var reward = volume * Math.Abs(input.TakeProfit - input.Entry) * input.ValuePerPriceUnit;
        return new SizingResult(volume, Math.Round(volume * perLot, 2), Math.Round(reward, 2), Math.Round(target, 2), targetPercent,
            Math.Round(required, 4), FireRefusal.None, null);
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
