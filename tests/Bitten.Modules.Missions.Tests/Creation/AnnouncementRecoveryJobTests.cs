using Bitten.Contracts.Hosting;
using Bitten.Modules.Missions.Creation;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Creation;

public sealed class AnnouncementRecoveryJobTests
{
    [Fact]
    public async Task FanOut_WhenMissionsAreAnnounced_MarksEveryRowAnnounced()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(10);

        await harness.PublishAsync(harness.Signal());

        var missions = await harness.MissionsAsync();
        missions.Count.ShouldBe(10);
        missions.ShouldAllBe(m => m.AnnouncedAtMs == harness.Time.GetUtcNow().ToUnixTimeMilliseconds());
        (await RecoverAsync(harness)).ShouldBe(0);
    }

    [Fact]
    public async Task Recover_WhenACrashLeftMissionsUnannounced_AnnouncesTheLiveOnesOnceAfterTheGrace()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(6);
        await harness.PublishAsync(harness.Signal(ttl: TimeSpan.FromMinutes(15)));
        var all = await harness.MissionsAsync();
        var lost = all.Take(4).Select(m => m.Id).ToList();
        var expiredLost = all[5].Id;
        // As if the process died after the insert committed and before the announcement: the mark never happened.
        await harness.InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions
            .Where(m => lost.Contains(m.Id) || m.Id == expiredLost)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnnouncedAtMs, (long?)null)));
        await harness.InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions
            .Where(m => m.Id == expiredLost)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExpiresAtMs, harness.Time.GetUtcNow().AddSeconds(20).ToUnixTimeMilliseconds())));
        harness.World.Created.Clear();

        var tooSoon = await RecoverAsync(harness);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var recovered = await RecoverAsync(harness);
        var again = await RecoverAsync(harness);

        tooSoon.ShouldBe(0, "a fan-out still announcing is not interrupted");
        recovered.ShouldBe(4);
        harness.World.Created.Select(c => c.MissionId.Value).Order().ShouldBe(lost.Order());
        again.ShouldBe(0);
        (await harness.MissionsAsync()).ShouldAllBe(m => m.AnnouncedAtMs != null, "the expired one is closed off without an alert");
    }

    [Fact]
    public async Task Recover_WhenTheSignalsFanOutIsStillAnnouncingPastTheGrace_LeavesItsMissionsToIt()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        var signal = harness.Signal(ttl: TimeSpan.FromMinutes(15));
        await harness.PublishAsync(signal);
        // As if a big fan-out were still announcing: stored, not yet marked, and registered as running in this process.
        await harness.InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnnouncedAtMs, (long?)null)));
        harness.World.Created.Clear();
        var running = harness.Services.GetRequiredService<FanOutsInProgress>().Begin(signal.SignalId.Value);
        harness.Time.Advance(TimeSpan.FromSeconds(60));

        var whileRunning = await RecoverAsync(harness);
        running.Dispose(); // the fan-out ended without marking them (e.g. it failed part-way)
        var afterwards = await RecoverAsync(harness);

        whileRunning.ShouldBe(0, "a running fan-out's missions are not announced twice");
        afterwards.ShouldBe(3);
        harness.World.Created.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Module_Always_SchedulesTheRecoveryWithTheSweep()
    {
        await using var harness = new MissionsHarness();

        var job = harness.Services.GetServices<ScheduledJob>().Single(j => j.JobType == typeof(AnnouncementRecoveryJob));

        job.CronExpression.ShouldBe("0/5 * * * * ?");
    }

    private static Task<int> RecoverAsync(MissionsHarness harness) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AnnouncementRecoveryJob>().RecoverAsync(CancellationToken.None));
}
