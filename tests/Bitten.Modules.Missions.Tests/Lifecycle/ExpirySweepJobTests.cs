using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Lifecycle;

public sealed class ExpirySweepJobTests
{
    [Fact]
    public async Task Sweep_WhenPendingMissionsPassExpiry_ExpiresThemAndNothingElse()
    {
        await using var harness = new MissionsHarness(settings: new Dictionary<string, string?> { ["Modules:Missions:ExpirySweepBatch"] = "7" });
        harness.AddUsers(20);
        harness.AddUsers(1, firstId: 21, withAccount: false); // view-only: never expires by the sweep
        await harness.PublishAsync(harness.Signal(ttl: TimeSpan.FromMinutes(15)));
        var skipped = (await harness.MissionsAsync()).First(m => m.UserId == 1).Id;
        await harness.InScopeAsync(sp => sp.GetRequiredService<MissionTransitions>()
            .TryMoveAsync(skipped, 1, MissionStatus.Pending, MissionStatus.Skipped, TransitionDetails.None, CancellationToken.None));
        harness.World.StateChanges.Clear();

        (await Sweep(harness)).ShouldBe(0, "nothing has expired yet");
        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var expired = await Sweep(harness);

        expired.ShouldBe(19);
        var missions = await harness.MissionsAsync();
        missions.Count(m => m.Status == (int)MissionStatus.Expired).ShouldBe(19);
        missions.Single(m => m.UserId == 1).Status.ShouldBe((int)MissionStatus.Skipped);
        missions.Single(m => m.UserId == 21).Status.ShouldBe((int)MissionStatus.ViewOnly);
        harness.World.StateChanges.Count.ShouldBe(19);
        harness.World.StateChanges.ShouldAllBe(c => c.From == MissionStatus.Pending && c.To == MissionStatus.Expired);
        (await Sweep(harness)).ShouldBe(0);
    }

    [Fact]
    public async Task Module_Always_SchedulesTheSweepEveryFiveSeconds()
    {
        await using var harness = new MissionsHarness();

        var job = harness.Services.GetServices<ScheduledJob>().Single(j => j.JobType == typeof(ExpirySweepJob));

        job.CronExpression.ShouldBe("0/5 * * * * ?");
        using var scope = harness.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ExpirySweepJob>().ShouldNotBeNull();
    }

    private static Task<int> Sweep(MissionsHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<ExpirySweepJob>().SweepAsync(CancellationToken.None));
}
