using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Sizing;

namespace Bitten.Modules.Missions.Tests.Sizing;

/// <summary>
/// DOMAIN §9 sizing with hand-computed volumes. Live quotes where a USD leg is needed: USDJPY 160.00,
/// EURUSD 1.25000 (a signal on its own pair uses its entry). Default account: 10,000, 2 % risk (tier max 5 %),
/// start-of-day equity 10,000, nothing lost today, daily cap 6 %, halving after 4 %, volume 0.01/0.01/100.
/// </summary>
public sealed class PositionSizerTests
{
    private static readonly Dictionary<string, decimal> Quotes = new() { ["USDJPY"] = 160.00m, ["EURUSD"] = 1.25000m };

    public static IEnumerable<object[]> Cases => new object[][]
    {
        // name, account, symbol, entry, sl, tp, shield, realised today, volume, risk, reward
        // EURUSD 20 pips, 1 lot = 100,000 USD per 1.0 → 200 USD per lot at the stop; 2 % of 10,000 = 200.
        ["usd eurusd shield active ×1", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.0m, 0m, 1.00m, 200.00m, 300.00m],
        ["usd eurusd shield approved ×1.5", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.5m, 0m, 1.50m, 300.00m, 450.00m],
        ["usd eurusd volatility zone ×0.5", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 0.5m, 0m, 0.50m, 100.00m, 150.00m],
        ["usd eurusd unverified ×0.25", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 0.25m, 0m, 0.25m, 50.00m, 75.00m],
        // USDJPY at 150: 100,000 JPY per 1.0 = 666.67 USD; 30 pips (0.30) = 200 USD per lot.
        ["usd usdjpy", "USD", "USDJPY", 150.00m, 149.70m, 150.45m, 1.0m, 0m, 1.00m, 200.00m, 300.00m],
        // GBPJPY via USDJPY 160: 625 USD per 1.0; 40 pips (0.40) = 250 per lot → 200 / 250 = 0.80.
        ["usd gbpjpy via usdjpy", "USD", "GBPJPY", 190.00m, 189.60m, 190.60m, 1.0m, 0m, 0.80m, 200.00m, 300.00m],
        // XAUUSD 100 oz: 100 USD per 1.0; stop 5.00 = 500 per lot → 0.40.
        ["usd xauusd", "USD", "XAUUSD", 2000.00m, 1995.00m, 2007.50m, 1.0m, 0m, 0.40m, 200.00m, 300.00m],
        // EUR account: EURUSD at 1.25 → 80,000 EUR per 1.0; 20 pips = 160 EUR per lot → 200 / 160 = 1.25.
        ["eur eurusd", "EUR", "EURUSD", 1.25000m, 1.24800m, 1.25300m, 1.0m, 0m, 1.25m, 200.00m, 300.00m],
        // USDJPY 150, EURUSD 1.25: 100,000 / 150 / 1.25 = 533.33 EUR per 1.0; 0.30 → 160 per lot → 1.25.
        ["eur usdjpy", "EUR", "USDJPY", 150.00m, 149.70m, 150.45m, 1.0m, 0m, 1.25m, 200.00m, 300.00m],
        // GBPJPY: 100,000 / 160 / 1.25 = 500 EUR per 1.0; 0.40 → 200 per lot → 1.00.
        ["eur gbpjpy", "EUR", "GBPJPY", 190.00m, 189.60m, 190.60m, 1.0m, 0m, 1.00m, 200.00m, 300.00m],
        // XAUUSD: 100 / 1.25 = 80 EUR per 1.0; 5.00 → 400 per lot → 0.50.
        ["eur xauusd", "EUR", "XAUUSD", 2000.00m, 1995.00m, 2007.50m, 1.0m, 0m, 0.50m, 200.00m, 300.00m],
        ["eur xauusd shield approved", "EUR", "XAUUSD", 2000.00m, 1995.00m, 2007.50m, 1.5m, 0m, 0.75m, 300.00m, 450.00m],
        // Lost 300 today (3 %): budget left 600 − 300 = 300 ≥ 200, no halving → unchanged.
        ["usd eurusd lost 3 %", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.0m, -300m, 1.00m, 200.00m, 300.00m],
        // Lost 450 (4.5 %): risk halves to 100; budget left 150 → 0.50.
        ["usd eurusd lost 4.5 % halves", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.0m, -450m, 0.50m, 100.00m, 150.00m],
        // Lost 550 (5.5 %): halved to 100, but only 50 left of the 600 budget → 0.25.
        ["usd eurusd budget nearly spent", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.0m, -550m, 0.25m, 50.00m, 75.00m],
        // Lost 590: 10 left → 0.05 lots.
        ["usd eurusd budget 10 left", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.5m, -590m, 0.05m, 10.00m, 15.00m],
        // A profit today does not enlarge the budget or the risk.
        ["usd eurusd profit today", "USD", "EURUSD", 1.10000m, 1.09800m, 1.10300m, 1.0m, 400m, 1.00m, 200.00m, 300.00m],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Size_WhenAccountAndSymbolGiven_MatchesTheHandComputedVolume(string name, string account, string symbol, decimal entry, decimal sl, decimal tp,
        decimal shield, decimal realised, decimal volume, decimal risk, decimal reward)
    {
        var contract = Instruments.DefaultContractSize(symbol);
        var (rate, missing) = PriceUnitValue.FromCrossRates(symbol, account, 1m, entry, pair => Quotes.TryGetValue(pair, out var p) ? p : null);
        missing.ShouldBeNull(name);

        var result = PositionSizer.Size(Input(entry, sl, tp, contract * rate!.Value) with { ShieldMultiplier = shield, RealisedTodayMoney = realised });

        result.Refusal.ShouldBe(FireRefusal.None, name + ": " + result.Reason);
        result.Volume.ShouldBe(volume, name);
        result.RiskMoney.ShouldBe(risk, name);
        result.RewardMoney.ShouldBe(reward, name);
    }

    [Fact]
    public void Size_WhenDailyBudgetIsSpent_CannotBeFiredAndSaysWhy()
    {
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { RealisedTodayMoney = -600m });

        result.Fireable.ShouldBeFalse();
        result.Refusal.ShouldBe(FireRefusal.GuardBlocked);
        result.Reason.ShouldBe("today's loss budget is spent: lost 600.00 of 600.00 (6 % of start-of-day equity)");
    }

    [Fact]
    public void Size_WhenBelowBrokerMinimum_SaysNeededAndMinimum()
    {
        // 50 USD balance: 1 USD risk / 200 per lot = 0.005 lots, under 0.01.
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { Balance = 50m, StartOfDayEquity = 50m });

        result.Fireable.ShouldBeFalse();
        result.Refusal.ShouldBe(FireRefusal.BelowMinimumVolume);
        result.Volume.ShouldBe(0m);
        result.Reason.ShouldBe("below minimum volume: needs 0.005, broker minimum 0.01");
    }

    [Fact]
    public void Size_WhenExactlyTheMinimum_IsFireable()
    {
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { Balance = 100m, StartOfDayEquity = 100m });

        result.Fireable.ShouldBeTrue();
        result.Volume.ShouldBe(0.01m);
        result.RiskMoney.ShouldBe(2.00m);
    }

    [Fact]
    public void Size_WhenAboveBrokerMaximum_IsCappedAtTheMaximum()
    {
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { Balance = 10_000_000m, StartOfDayEquity = 10_000_000m });

        result.Volume.ShouldBe(100m);
        result.RiskMoney.ShouldBe(20_000.00m);
    }

    [Fact]
    public void Size_WhenUserRiskExceedsTierMaximum_UsesTheTierMaximum()
    {
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { RiskPercent = 5m, MaxRiskPercent = 2m });

        result.Volume.ShouldBe(1.00m);
        result.TargetRiskPercent.ShouldBe(2m);
    }

    [Fact]
    public void Size_WhenRawVolumeIsBetweenSteps_RoundsDown()
    {
        // 12,345 × 2 % = 246.90 / 200 per lot = 1.2345 → 1.23 lots, risking 246.00.
        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { Balance = 12_345m, StartOfDayEquity = 12_345m });

        result.Volume.ShouldBe(1.23m);
        result.RiskMoney.ShouldBe(246.00m);
        result.RequiredVolume.ShouldBe(1.2345m);
    }

    [Fact]
    public void Size_WhenBrokerReportsTickValue_UsesItInsteadOfCrossRates()
    {
        // EUR account at a broker: EURUSD tick 0.00001 worth 0.85 EUR → 85,000 EUR per 1.0; 20 pips → 170 per lot; 200 / 170 = 1.176 → 1.17.
        var spec = new SymbolSpec("EURUSD", "EURUSD.r", 5, 0.00001m, 0.00001m, 0.85m, 100_000m, 0.01m, 0.01m, 50m, 0, "USD", 1);
        var value = PriceUnitValue.FromSpec(spec);

        var result = PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, value!.Value));

        value.ShouldBe(85_000m);
        result.Volume.ShouldBe(1.17m);
        result.RiskMoney.ShouldBe(198.90m);
    }

    [Fact]
    public void Size_WhenBalanceIsZero_IsNotFireable()
    {
        PositionSizer.Size(Input(1.10000m, 1.09800m, 1.10300m, 100_000m) with { Balance = 0m }).Fireable.ShouldBeFalse();
    }

    [Fact]
    public void FromCrossRates_WhenUsdLegPriceIsMissing_NamesThePair()
    {
        var (value, missing) = PriceUnitValue.FromCrossRates("GBPJPY", "USD", 100_000m, 190m, _ => null);

        value.ShouldBeNull();
        missing.ShouldBe("USDJPY");
    }

    [Fact]
    public void FromCrossRates_WhenGbpAccountTradesEurusd_ConvertsThroughGbpusd()
    {
        // USD per 1.0 of EURUSD = 100,000; GBPUSD 1.25 → 80,000 GBP.
        var (value, _) = PriceUnitValue.FromCrossRates("EURUSD", "GBP", 100_000m, 1.1m, p => p == "GBPUSD" ? 1.25m : null);

        value.ShouldBe(80_000m);
    }

    private static SizingInput Input(decimal entry, decimal sl, decimal tp, decimal valuePerUnit) => new(
        Balance: 10_000m, StartOfDayEquity: 10_000m, RealisedTodayMoney: 0m, RiskPercent: 2m, MaxRiskPercent: 5m, ShieldMultiplier: 1m,
        DailyLossCapPercent: 6m, HalveRiskAfterDailyLossPercent: 4m, Entry: entry, StopLoss: sl, TakeProfit: tp, ValuePerPriceUnit: valuePerUnit,
        Limits: new VolumeLimits(0.01m, 0.01m, 100m));
}
