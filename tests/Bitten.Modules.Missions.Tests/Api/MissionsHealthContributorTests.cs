using Bitten.Contracts.Hosting;
using Bitten.Modules.Missions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Api;

public sealed class MissionsHealthContributorTests
{
    [Fact]
    public async Task Check_WhenMissionsPendingAndSweepBehind_ReportsCountsAndDegrades()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        await harness.PublishAsync(harness.Signal(ttl: TimeSpan.FromMinutes(15)));
        var health = harness.Services.GetServices<IHealthContributor>().Single(c => c.Name == "missions_live");

        harness.Time.Advance(TimeSpan.FromMinutes(14.5));
        var soon = await health.CheckAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        var overdue = await health.CheckAsync(CancellationToken.None);

        soon.State.ShouldBe(HealthState.Healthy);
        soon.Data["pending"].ShouldBe(3);
        soon.Data["expiring_soon"].ShouldBe(3);
        overdue.State.ShouldBe(HealthState.Degraded);
        overdue.Data["overdue"].ShouldBe(3);
    }
}
