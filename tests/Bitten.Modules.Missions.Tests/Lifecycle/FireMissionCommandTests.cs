using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Tests.Support;

namespace Bitten.Modules.Missions.Tests.Lifecycle;

public sealed class FireMissionCommandTests
{
    [Fact]
    public async Task Fire_WhenOwnerFiresPendingMission_SendsToExecutionAndStoresTheFireId()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http));

        decision.Accepted.ShouldBeTrue();
        var sent = harness.World.FiresReceived.Single();
        (sent.MissionId.Value, sent.UserId.Value, sent.Volume, sent.RiskMoney, sent.Source).ShouldBe((id, 1L, 1.00m, 200.00m, FireSource.Http));
        var mission = await harness.MissionAsync(id);
        mission.Status.ShouldBe((int)MissionStatus.Firing);
        mission.FireId.ShouldBe(decision.FireId!.Value.Value);
        mission.FireSource.ShouldBe((int)FireSource.Http);
    }

    [Fact]
    public async Task Fire_When50PressesRace_ExactlyOneIsAcceptedAndTheRestAreAlreadyFired()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http)))));

        decisions.Count(d => d.Accepted).ShouldBe(1);
        decisions.Where(d => !d.Accepted).ShouldAllBe(d => d.Refusal == FireRefusal.AlreadyFired);
        harness.World.FiresReceived.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Fire_WhenAnotherUsersMission_IsRefusedAsNotOwner()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(2), FireSource.Http));

        decision.Refusal.ShouldBe(FireRefusal.NotOwner);
        harness.World.FiresReceived.ShouldBeEmpty();
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Pending);
    }

    [Fact]
    public async Task Fire_WhenMissionDoesNotExist_IsRefusedAsNotFound()
    {
        await using var harness = new MissionsHarness();

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId("01ARZ3NDEKTSV4RRFFQ69G5FAV"), new UserId(1), FireSource.Http));

        decision.Refusal.ShouldBe(FireRefusal.NotFound);
    }

    [Fact]
    public async Task Fire_WhenPastExpiryButNotYetSwept_IsRefusedAndTheMissionExpires()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);
        harness.Time.Advance(TimeSpan.FromMinutes(15));

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http));

        decision.Refusal.ShouldBe(FireRefusal.Expired);
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Expired);
        harness.World.FiresReceived.ShouldBeEmpty();
    }

    [Fact]
    public async Task Fire_WhenExecutionRefuses_ReturnsTheRefusalAndTheMissionIsPendingAgain()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);
        harness.World.Fire = _ => FireDecision.Refuse(FireRefusal.PriceMoved, "price moved 0.4 R from entry");

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http));

        decision.Refusal.ShouldBe(FireRefusal.PriceMoved);
        decision.Reason.ShouldBe("price moved 0.4 R from entry");
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Pending);
        harness.World.StateChanges.Select(c => c.To).ShouldBe([MissionStatus.Firing, MissionStatus.Pending]);
    }

    [Fact]
    public async Task Fire_WhenExecutionThrows_RevertsToPending()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);
        harness.World.Fire = _ => throw new InvalidOperationException("boom");

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http));

        decision.Accepted.ShouldBeFalse();
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Pending);
    }

    [Fact]
    public async Task Fire_WhenExecutionIsNotRunning_RefusesAsTerminalOfflineAndStaysPending()
    {
        await using var harness = new MissionsHarness(executionRunning: false);
        var id = await MissionTransitionsTests.SeedAsync(harness);

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(id), new UserId(1), FireSource.Http));

        decision.Refusal.ShouldBe(FireRefusal.TerminalOffline);
        decision.Reason!.ShouldContain("execution is not running");
        (await harness.MissionAsync(id)).Status.ShouldBe((int)MissionStatus.Pending);
    }

    [Fact]
    public async Task Fire_WhenViewOnly_IsRefusedWithTheStoredReason()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1, withAccount: false);
        await harness.PublishAsync(harness.Signal());
        var mission = (await harness.MissionsAsync()).Single();

        var decision = await harness.SendAsync(new FireMissionCommand(new MissionId(mission.Id), new UserId(1), FireSource.TelegramBot));

        decision.Refusal.ShouldBe(FireRefusal.NoTerminal);
        decision.Reason.ShouldBe(mission.NotFireableReason);
        harness.World.FiresReceived.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetMission_WhenOwnerAsks_ReturnsTheViewAndNullForOthers()
    {
        await using var harness = new MissionsHarness();
        var id = await MissionTransitionsTests.SeedAsync(harness);

        var mine = await harness.SendAsync(new GetMission(new MissionId(id), new UserId(1)));
        var theirs = await harness.SendAsync(new GetMission(new MissionId(id), new UserId(2)));

        mine.ShouldNotBeNull();
        (mine.Status, mine.Volume, mine.Fireable).ShouldBe((MissionStatus.Pending, 1.00m, true));
        theirs.ShouldBeNull();
    }
}
