using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Tests.Support;

namespace Bitten.Modules.Missions.Tests.Creation;

public sealed class MissionFanOutTests
{
    [Fact]
    public async Task SignalPublished_When5000Users_StoresAndAnnouncesOneMissionEach()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(5_000);
        var signal = harness.Signal();

        await harness.PublishAsync(signal);

        var missions = await harness.MissionsAsync();
        missions.Count.ShouldBe(5_000);
        missions.Select(m => m.UserId).Distinct().Count().ShouldBe(5_000);
        missions.ShouldAllBe(m => m.Status == (int)MissionStatus.Pending && m.Fireable && m.Volume == 1.00m && m.RiskMoney == 200.00m);
        harness.World.Created.Count.ShouldBe(5_000);
        harness.World.Created.Select(c => c.MissionId.Value).OrderBy(x => x, StringComparer.Ordinal)
            .ShouldBe(missions.Select(m => m.Id).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public async Task SignalPublished_WhenReplayed_CreatesNothingNew()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(200);
        var signal = harness.Signal();
        await harness.PublishAsync(signal);
        var first = await harness.MissionsAsync();
        var lookups = harness.World.AccountLookups;

        await harness.PublishAsync(signal);

        (await harness.MissionsAsync()).Select(m => m.Id).ShouldBe(first.Select(m => m.Id));
        harness.World.Created.Count.ShouldBe(200);
        harness.World.AccountLookups.ShouldBe(lookups, "users who already have the mission are not looked up again");
    }

    [Fact]
    public async Task SignalPublished_WhenNewUsersJoinedBeforeAReplay_OnlyTheyGetMissions()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(10);
        var signal = harness.Signal();
        await harness.PublishAsync(signal);
        harness.AddUsers(5, firstId: 11);

        await harness.PublishAsync(signal);

        (await harness.MissionsAsync()).Count.ShouldBe(15);
        harness.World.Created.Count.ShouldBe(15);
    }

    [Fact]
    public async Task SignalPublished_WhenUserHasNoAccount_CreatesViewOnlyMissionThatSaysToLinkATerminal()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1, withAccount: false);

        await harness.PublishAsync(harness.Signal());

        var mission = (await harness.MissionsAsync()).Single();
        mission.Status.ShouldBe((int)MissionStatus.ViewOnly);
        mission.Fireable.ShouldBeFalse();
        mission.NotFireableCode.ShouldBe((int)FireRefusal.NoTerminal);
        mission.NotFireableReason!.ShouldContain("/link");
        mission.Volume.ShouldBe(0m);
        var created = harness.World.Created.Single();
        created.Fireable.ShouldBeFalse();
        created.NotFireableReason.ShouldBe(mission.NotFireableReason);
    }

    [Fact]
    public async Task SignalPublished_WhenTierCannotFire_CreatesSizedViewOnlyMission()
    {
        await using var harness = new MissionsHarness();
        harness.World.Audience.Add(new AudienceMember(new UserId(1), "PRESS", false, 2m, 2m, false, 0.55m, true));
        harness.World.Accounts[1] = harness.Account(1);

        await harness.PublishAsync(harness.Signal());

        var mission = (await harness.MissionsAsync()).Single();
        mission.Status.ShouldBe((int)MissionStatus.ViewOnly);
        mission.NotFireableCode.ShouldBe((int)FireRefusal.NotPermitted);
        mission.NotFireableReason!.ShouldContain("PRESS");
        mission.Volume.ShouldBe(1.00m);
    }

    [Fact]
    public async Task SignalPublished_WhenCrossNeedsAQuoteThatIsMissing_SaysItCannotBeSized()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1);

        await harness.PublishAsync(harness.Signal("GBPJPY", 190.00m, 189.60m, 190.60m));

        var mission = (await harness.MissionsAsync()).Single();
        mission.Fireable.ShouldBeFalse();
        mission.NotFireableCode.ShouldBe((int)FireRefusal.SymbolUnavailable);
        mission.NotFireableReason.ShouldBe("the mission cannot be sized: no live price of USDJPY to value GBPJPY in USD");
    }

    [Fact]
    public async Task SignalPublished_WhenCrossQuoteIsLive_SizesThroughTheUsdLeg()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        harness.World.Accounts[2] = harness.Account(2, 10_000m, "EUR");
        harness.World.Quotes["USDJPY"] = new MarketQuote("USDJPY", 159.99m, 160.01m, 0, false, 3, 0.01m);
        harness.World.Quotes["EURUSD"] = new MarketQuote("EURUSD", 1.24999m, 1.25001m, 0, false, 5, 0.0001m);

        await harness.PublishAsync(harness.Signal("GBPJPY", 190.00m, 189.60m, 190.60m, ShieldClass.ShieldApproved, 1.5m));

        var missions = await harness.MissionsAsync();
        // USD: 300 risk / (0.40 × 625) = 1.20 lots. EUR: 300 / (0.40 × 500) = 1.50 lots.
        missions.Single(m => m.UserId == 1).Volume.ShouldBe(1.20m);
        missions.Single(m => m.UserId == 2).Volume.ShouldBe(1.50m);
        missions.Single(m => m.UserId == 2).AccountCurrency.ShouldBe("EUR");
        missions.ShouldAllBe(m => m.ValueSource == "cross_rates" && m.ShieldMultiplier == 1.5m && m.RiskMoney == 300.00m);
    }

    [Fact]
    public async Task SignalPublished_WhenBrokerReportedTheSymbol_UsesItsTickValueAndVolumeLimits()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1);
        // Tick 0.00001 worth 1 USD; minimum 0.1 lot, step 0.1: 200 / 200 = 1.0 lot.
        harness.World.Specs[(1, "EURUSD")] = new SymbolSpec("EURUSD", "EURUSDm", 5, 0.00001m, 0.00001m, 1m, 100_000m, 0.1m, 0.1m, 0.5m, 0, "USD", 1);

        await harness.PublishAsync(harness.Signal());

        var mission = (await harness.MissionsAsync()).Single();
        mission.ValueSource.ShouldBe("broker");
        mission.Volume.ShouldBe(0.5m, "capped at the broker's maximum");
        mission.RiskMoney.ShouldBe(100.00m);
    }

    [Fact]
    public async Task SignalPublished_Always_ExpiresWithTheSignal()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1);
        var signal = harness.Signal(ttl: TimeSpan.FromMinutes(15));

        await harness.PublishAsync(signal);

        var mission = (await harness.MissionsAsync()).Single();
        mission.ExpiresAtMs.ShouldBe(signal.ExpiresAt.ToUnixTimeMilliseconds());
        mission.CreatedAtMs.ShouldBe(harness.Time.GetUtcNow().ToUnixTimeMilliseconds());
        harness.World.Created.Single().ExpiresAt.ShouldBe(signal.ExpiresAt);
    }

    [Fact]
    public async Task SignalPublished_WhenAlreadyExpired_CreatesNothing()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        var signal = harness.Signal();
        harness.Time.Advance(TimeSpan.FromMinutes(16));

        await harness.PublishAsync(signal);

        (await harness.MissionsAsync()).ShouldBeEmpty();
    }
}
