using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Lifecycle;

public sealed class MissionTransitionsTests
{
    [Fact]
    public async Task TryMove_WhenExpectedStateMatches_WinsAndAnnounces()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);

        var won = await Move(harness, id, MissionStatus.Pending, MissionStatus.Skipped);

        won.ShouldBeTrue();
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Skipped);
        var change = harness.World.StateChanges.Single();
        (change.From, change.To, change.MissionId.Value, change.UserId.Value).ShouldBe((MissionStatus.Pending, MissionStatus.Skipped, id, 1L));
    }

    [Fact]
    public async Task TryMove_WhenStateMovedMeanwhile_LosesAndChangesNothing()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);
        await Move(harness, id, MissionStatus.Pending, MissionStatus.Expired);

        var won = await Move(harness, id, MissionStatus.Pending, MissionStatus.Firing);

        won.ShouldBeFalse();
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Expired);
        harness.World.StateChanges.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TryMove_WhenManyRaceForOneTransition_ExactlyOneWins()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Move(harness, id, MissionStatus.Pending, MissionStatus.Firing))));

        results.Count(r => r).ShouldBe(1);
        harness.World.StateChanges.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TryMove_WhenTransitionIsNotInTheStateMachine_Throws()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);

        await Should.ThrowAsync<InvalidOperationException>(() => Move(harness, id, MissionStatus.Pending, MissionStatus.Filled));
    }

    [Fact]
    public async Task ExecutionReports_WhenTheyArriveInOrderAndTwice_WalkTheLifeOfATradeOnce()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);
        await Move(harness, id, MissionStatus.Pending, MissionStatus.Firing);
        var fire = new FireId("01JBFIRE00000000000000000A");
        var now = harness.Time.GetUtcNow();
        var sent = new FireSent(fire, new MissionId(id), new UserId(1), "ea-1", now, now);
        var filled = new FireFilled(fire, new MissionId(id), new UserId(1), new SignalId("S"), "ea-1", "EURUSD", Side.Buy, 1.10010m, 1.00m, 1.098m, 1.103m, 555, now, now);
        var closed = new TradeClosed(fire, new MissionId(id), new UserId(1), new SignalId("S"), "EURUSD", Side.Buy, 1.10010m, 1.10310m, 1.00m, 300m, "USD",
            1.5, TradeResult.Win, CloseReason.TakeProfit, false, now, now);

        foreach (var report in new MediatR.INotification[] { sent, sent, filled, filled, closed, closed })
        {
            await harness.PublishAsync(report);
        }

        var mission = await harness.MissionAsync(id);
        mission.Status.ShouldBe((int)MissionStatus.Closed);
        mission.FireId.ShouldBe(fire.Value);
        mission.FillPrice.ShouldBe(1.10010m);
        mission.Profit.ShouldBe(300m);
        mission.ResultR.ShouldBe(1.5);
        mission.TradeResult.ShouldBe((int)TradeResult.Win);
        harness.World.StateChanges.Select(c => c.To).ShouldBe([MissionStatus.Firing, MissionStatus.Sent, MissionStatus.Filled, MissionStatus.Closed]);
    }

    [Theory]
    [InlineData(MissionStatus.Rejected)]
    [InlineData(MissionStatus.Failed)]
    [InlineData(MissionStatus.Unconfirmed)]
    public async Task FireFailed_WhenSent_MovesToItsOutcomeWithTheReason(MissionStatus outcome)
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);
        await Move(harness, id, MissionStatus.Pending, MissionStatus.Firing);
        var fire = new FireId("01JBFIRE00000000000000000B");
        var now = harness.Time.GetUtcNow();
        await harness.PublishAsync(new FireSent(fire, new MissionId(id), new UserId(1), "ea-1", now, now));

        await harness.PublishAsync(new FireFailed(fire, new MissionId(id), new UserId(1), outcome, "market closed", 10018, now, now));

        var mission = await harness.MissionAsync(id);
        mission.Status.ShouldBe((int)outcome);
        mission.StatusReason.ShouldBe("market closed (retcode 10018)");
    }

    [Fact]
    public async Task FireFilled_WhenMissionWasNeverFired_IsIgnored()
    {
        await using var harness = new MissionsHarness();
        var id = await SeedAsync(harness);
        var now = harness.Time.GetUtcNow();

        await harness.PublishAsync(new FireFilled(new FireId("F"), new MissionId(id), new UserId(1), new SignalId("S"), "ea-1", "EURUSD", Side.Buy, 1.1m, 1m, 1m, 1m, 1, now, now));

        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Pending);
    }

    internal static async Task<string> SeedAsync(MissionsHarness harness, int users = 1)
    {
        harness.AddUsers(users);
        await harness.PublishAsync(harness.Signal());
        harness.World.Created.Clear();
        return (await harness.MissionsAsync()).First().Id;
    }

    private static Task<bool> Move(MissionsHarness harness, string id, MissionStatus from, MissionStatus to) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<MissionTransitions>().TryMoveAsync(id, 1, from, to, TransitionDetails.None, CancellationToken.None));
}
