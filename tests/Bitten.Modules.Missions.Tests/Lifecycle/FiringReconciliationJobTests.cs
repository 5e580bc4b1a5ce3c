using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Hosting;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Lifecycle;

/// <summary>
/// A process killed between the move to FIRING and Execution's commit of the fire leaves the mission FIRING with no fire;
/// one killed after the fire's commit but before its announcement leaves the mission behind its fire. The reconciliation
/// asks Execution and repairs both.
/// </summary>
public sealed class FiringReconciliationJobTests
{
    [Fact]
    public async Task Reconcile_WhenFiringWithoutAFire_MovesItBackToPendingAndItCanBeFiredAgain()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);
        await LeaveFiringAsync(harness, id); // what a process killed before Execution committed the fire leaves behind
        harness.World.StateChanges.Clear();

        (await Reconcile(harness)).ShouldBe(0, "a FIRING mission younger than FiringReconcileAfterSeconds is left alone");
        harness.Time.Advance(TimeSpan.FromSeconds(11));
        var moved = await Reconcile(harness);

        moved.ShouldBe(1);
        var mission = await harness.MissionAsync(id);
        mission.Status.ShouldBe((int)MissionStatus.Pending);
        mission.StatusReason.ShouldNotBeNull().ShouldContain("never created");
        harness.World.StateChanges.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.From.ShouldBe(MissionStatus.Firing),
            c => c.To.ShouldBe(MissionStatus.Pending));
        (await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http))).Accepted.ShouldBeTrue("the user can fire it again");
        (await Reconcile(harness)).ShouldBe(0, "a fresh FIRING is not touched");
    }

    [Fact]
    public async Task Reconcile_WhenFiringWithoutAFireAndExpired_FailsItWithTheReason()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);
        await LeaveFiringAsync(harness, id);
        harness.Time.Advance(TimeSpan.FromMinutes(16));

        (await Reconcile(harness)).ShouldBe(1);

        var mission = await harness.MissionAsync(id);
        mission.Status.ShouldBe((int)MissionStatus.Failed);
        mission.StatusReason.ShouldNotBeNull().ShouldContain("expired");
    }

    [Fact]
    public async Task Reconcile_WhenTheFireExists_FollowsItsStateAndLeavesAQueuedFireAlone()
    {
        await using var harness = new MissionsHarness();
        var filled = await MissionTransitionsTests.SeedAsync(harness, users: 3);
        var missions = (await harness.MissionsAsync()).Select(m => m.Id).ToList();
        var queued = missions.First(m => m != filled);
        var closed = missions.Last(m => m != filled && m != queued);
        foreach (var id in missions)
        {
            await LeaveFiringAsync(harness, id, (await harness.MissionAsync(id)).UserId);
        }

        var fireId = FireId.New(harness.Time.GetUtcNow());
        harness.World.MissionFires[filled] = new MissionFire(new MissionId(filled), fireId, MissionStatus.Filled, null, 1.1001m, 0.5m, null, null, null, null);
        harness.World.MissionFires[queued] = new MissionFire(new MissionId(queued), FireId.New(harness.Time.GetUtcNow()), MissionStatus.Firing, null, null, null, null, null, null, null);
        harness.World.MissionFires[closed] = new MissionFire(new MissionId(closed), FireId.New(harness.Time.GetUtcNow()), MissionStatus.Closed, "TakeProfit", 1.1m, 0.5m, 42.5m, 1.9, TradeResult.Win,
            harness.Time.GetUtcNow());
        harness.Time.Advance(TimeSpan.FromSeconds(11));

        (await Reconcile(harness)).ShouldBe(2);

        var m1 = await harness.MissionAsync(filled);
        (m1.Status, m1.FireId, m1.FillPrice, m1.FilledVolume).ShouldBe(((int)MissionStatus.Filled, fireId.Value, 1.1001m, 0.5m));
        (await harness.MissionAsync(queued)).Status.ShouldBe((int)MissionStatus.Firing, "a queued fire is still on its way: the router sends it");
        var m3 = await harness.MissionAsync(closed);
        (m3.Status, m3.Profit, m3.TradeResult).ShouldBe(((int)MissionStatus.Closed, 42.5m, (int)TradeResult.Win));
    }

    [Fact]
    public async Task Reconcile_WhenTheFireRequestIsStillRunning_LeavesTheMissionAlone()
    {
        await using var harness = new MissionsHarness();
        await MissionTransitionsTests.SeedAsync(harness, users: 2);
        var id = (await harness.MissionsAsync()).Single(m => m.UserId == 1).Id;
        var inFlight = harness.Services.GetRequiredService<FiresInFlight>();
        var seenInFlight = false;
        harness.World.Fire = m =>
        {
            seenInFlight = inFlight.Contains(m.MissionId.Value);
            var fire = FireId.New(harness.Time.GetUtcNow());
            harness.World.MissionFires[m.MissionId.Value] = new MissionFire(m.MissionId, fire, MissionStatus.Firing, null, null, null, null, null, null, null); // queued
            return FireDecision.Accept(fire);
        };

        (await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http))).Accepted.ShouldBeTrue();
        seenInFlight.ShouldBeTrue("the fire command marks its mission in flight while Execution decides");
        inFlight.Contains(id).ShouldBeFalse("and clears it once the outcome is stored");

        var second = (await harness.MissionsAsync()).Single(m => m.UserId == 2).Id;
        await LeaveFiringAsync(harness, second, 2);
        using (inFlight.Begin(second))
        {
            harness.Time.Advance(TimeSpan.FromMinutes(1));
            (await Reconcile(harness)).ShouldBe(0, "a slow Execution answer is not a crash");
            (await harness.MissionAsync(second)).Status.ShouldBe((int)MissionStatus.Firing);
        }

        (await Reconcile(harness)).ShouldBe(1, "once the request is over, a FIRING mission without a fire is reconciled");
    }

    [Fact]
    public async Task Module_Always_SchedulesTheReconciliationEveryFiveSeconds()
    {
        await using var harness = new MissionsHarness();

        var job = harness.Services.GetServices<ScheduledJob>().Single(j => j.JobType == typeof(FiringReconciliationJob));

        job.CronExpression.ShouldBe("0/5 * * * * ?");
    }

    private static Task LeaveFiringAsync(MissionsHarness harness, string id, long userId = 1) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<MissionTransitions>()
            .TryMoveAsync(id, userId, MissionStatus.Pending, MissionStatus.Firing, new TransitionDetails(Source: FireSource.Http), CancellationToken.None));

    private static Task<int> Reconcile(MissionsHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<FiringReconciliationJob>().ReconcileAsync(CancellationToken.None));
}
