namespace Bitten.Modules.Missions.Sizing;

/// <summary>Everything the sizing rule of DOMAIN §9 reads; percentages are in percent (2 = 2 %).</summary>
internal readonly record struct SizingInput(
    decimal Balance,
    decimal StartOfDayEquity,
    decimal RealisedTodayMoney,
    decimal RiskPercent,
    decimal MaxRiskPercent,
    decimal ShieldMultiplier,
    decimal DailyLossCapPercent,
    decimal HalveRiskAfterDailyLossPercent,
    decimal Entry,
    decimal StopLoss,
    decimal TakeProfit,
    decimal ValuePerPriceUnit,
    VolumeLimits Limits);

/// <summary>The broker's volume limits in lots.</summary>
internal readonly record struct VolumeLimits(decimal Min, decimal Step, decimal Max);
