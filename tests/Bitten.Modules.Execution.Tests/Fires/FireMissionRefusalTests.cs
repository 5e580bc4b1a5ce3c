using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Guards;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Execution.Tests.Fires;

public sealed class FireMissionRefusalTests : IAsyncLifetime
{
    private const long User = 7;
    private readonly TemporaryDirectory _directory = new("execution-refusals");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero)); // a Tuesday
    private ExecutionHost _host = null!;
    private ManagedEa _ea = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.AddUser(User, maxOpenFires: 2);
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m);
        _ea = await _host.LinkEaAsync("ea-seven", User);
    }

    public async Task DisposeAsync()
    {
        await _ea.DisposeAsync();
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task FireMission_WhenEverythingAllows_AcceptsAndQueuesWithOutboxRow()
    {
        var mission = ExecutionHost.Mission(User, _time.GetUtcNow());

        var decision = await _host.SendAsync(mission);

        decision.Accepted.ShouldBeTrue(decision.Reason);
        var fire = await _host.DbAsync(db => db.Fires.SingleAsync());
        fire.MissionId.ShouldBe(mission.MissionId.Value);
        fire.BrokerSymbol.ShouldBe("EURUSD.m");
        (await _host.DbAsync(db => db.Outbox.CountAsync(o => o.FireId == fire.FireId))).ShouldBe(1);
    }

    [Fact]
    public async Task FireMission_WhenTheMissionWasFiredBefore_RefusesAlreadyFired()
    {
        var mission = ExecutionHost.Mission(User, _time.GetUtcNow());
        (await _host.SendAsync(mission)).Accepted.ShouldBeTrue();

        var again = await _host.SendAsync(mission);

        again.Refusal.ShouldBe(FireRefusal.AlreadyFired);
        (await _host.DbAsync(db => db.Fires.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task FireMission_WhenPriceDriftedMoreThanPointThreeR_RefusesPriceMoved()
    {
        _host.World.Quote("EURUSD", 1.10060m, 1.10062m); // ask 6.2 pips above entry, risk 20 pips: 0.31 R

        var decision = await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()));

        decision.Refusal.ShouldBe(FireRefusal.PriceMoved);
        decision.Reason.ShouldNotBeNull().ShouldContain("0.31 R");
    }

    [Fact]
    public async Task FireMission_WhenTheQuoteIsStale_RefusesSymbolSuspended()
    {
        _host.World.Quote("EURUSD", 1.09998m, 1.10000m, stale: true);

        (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.SymbolSuspended);
    }

    [Fact]
    public async Task FireMission_WhenAllSlotsAreUsed_RefusesNoFreeSlot()
    {
        (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()))).Accepted.ShouldBeTrue();
        (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()))).Accepted.ShouldBeTrue();

        (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.NoFreeSlot);
    }

    [Fact]
    public async Task FireMission_WhenExpired_RefusesExpired()
    {
        var mission = ExecutionHost.Mission(User, _time.GetUtcNow()) with { ExpiresAt = _time.GetUtcNow().AddSeconds(-1) };

        (await _host.SendAsync(mission)).Refusal.ShouldBe(FireRefusal.Expired);
    }

    [Fact]
    public async Task FireMission_OnSaturday_RefusesWeekendUntilSundayTwentyTwo()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));

        var decision = await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()));

        decision.Refusal.ShouldBe(FireRefusal.Weekend);
        decision.BlockedUntil.ShouldBe(new DateTimeOffset(2026, 1, 11, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task FireMission_AfterThreeLossesInTheLastHour_RefusesTiltWithBlockedUntil()
    {
        var now = _time.GetUtcNow();
        await SeedClosedAsync((-20m, now.AddMinutes(-30)), (-20m, now.AddMinutes(-20)), (-20m, now.AddMinutes(-10)));

        var decision = await _host.SendAsync(ExecutionHost.Mission(User, now));

        decision.Refusal.ShouldBe(FireRefusal.GuardBlocked);
        decision.Reason.ShouldNotBeNull().ShouldContain("Tilt");
        decision.BlockedUntil.ShouldBe(now.AddMinutes(50));
    }

    [Fact]
    public async Task FireMission_WhenTodaysLossReachedTheDailyCap_RefusesUntilMidnight()
    {
        var now = _time.GetUtcNow();
        await SeedClosedAsync((-300m, now.AddHours(-3)), (100m, now.AddHours(-2)), (-400m, now.AddHours(-1))); // -600 of 10 000: 6 %

        var decision = await _host.SendAsync(ExecutionHost.Mission(User, now));

        decision.Refusal.ShouldBe(FireRefusal.GuardBlocked);
        decision.Reason.ShouldNotBeNull().ShouldContain("Daily loss cap");
        decision.BlockedUntil.ShouldBe(new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task FireMission_WhenTheUserHasNoEa_RefusesNoTerminal()
    {
        _host.World.AddUser(8);

        (await _host.SendAsync(ExecutionHost.Mission(8, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.NoTerminal);
    }

    [Fact]
    public async Task FireMission_WhenTheEaIsSilentForThirtyOneSeconds_RefusesTerminalOffline()
    {
        _time.Advance(TimeSpan.FromSeconds(31));

        var decision = await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()));

        decision.Refusal.ShouldBe(FireRefusal.TerminalOffline);
        decision.Reason.ShouldBe("terminal offline");
    }

    [Fact]
    public async Task FireMission_WhenTheTerminalLacksTheSymbol_RefusesSymbolUnavailable()
    {
        var mission = ExecutionHost.Mission(User, _time.GetUtcNow()) with { Symbol = "GBPUSD" };

        var decision = await _host.SendAsync(mission);

        decision.Refusal.ShouldBe(FireRefusal.SymbolUnavailable, decision.Reason);
    }

    [Fact]
    public async Task FireMission_WhenTheTierCannotFire_RefusesNotPermitted()
    {
        _host.World.AddUser(User, canFire: false);

        (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow()))).Refusal.ShouldBe(FireRefusal.NotPermitted);
    }

    [Fact]
    public async Task FireMission_WhenHalted_RefusesEverySource()
    {
        await _host.Services.GetRequiredService<HaltSwitch>().SetAsync(true, "test admin", CancellationToken.None);

        foreach (var source in new[] { FireSource.Http, FireSource.TelegramBot, FireSource.AutoFire })
        {
            (await _host.SendAsync(ExecutionHost.Mission(User, _time.GetUtcNow(), source))).Refusal.ShouldBe(FireRefusal.Halted);
        }

        (await _host.DbAsync(db => db.Fires.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task GetUserAccount_AfterAClosedFire_ReportsStartOfDayEquityAndRealisedToday()
    {
        await SeedClosedAsync((35m, _time.GetUtcNow().AddHours(-1)));

        var account = await _host.SendAsync(new GetUserAccount(new UserId(User)));

        account.ShouldNotBeNull();
        account.EaId.ShouldBe("ea-seven");
        account.StartOfDayEquity.ShouldBe(10_000m);
        account.RealisedTodayMoney.ShouldBe(35m);
        account.Online.ShouldBeTrue();
    }

    private async Task SeedClosedAsync(params (decimal Profit, DateTimeOffset ClosedAt)[] trades)
    {
        await _host.DbAsync(async db =>
        {
            foreach (var (profit, at) in trades)
            {
                var r = (double)(profit / 20m);
                db.Fires.Add(new FireRecord
                {
                    FireId = FireId.New(at).Value, MissionId = MissionId.New(at).Value, UserId = User, SignalId = SignalId.New(at).Value, EaId = "ea-seven",
                    Symbol = "EURUSD", BrokerSymbol = "EURUSD.m", Side = 1, Volume = 0.1m, Entry = 1.1m, StopLoss = 1.098m, TakeProfit = 1.104m, RiskMoney = 20m,
                    Status = FireStatus.Closed, CreatedAtMs = at.ToUnixTimeMilliseconds() - 60_000, ExpiresAtMs = at.ToUnixTimeMilliseconds(), ClosedAtMs = at.ToUnixTimeMilliseconds(),
                    Profit = profit, RMultiple = r, Result = (int)Outcomes.Classify(r),
                });
            }

            return await db.SaveChangesAsync();
        });
    }
}
