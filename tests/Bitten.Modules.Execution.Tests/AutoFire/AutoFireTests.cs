using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Tests.Harness;

namespace Bitten.Modules.Execution.Tests.AutoFire;

public sealed class AutoFireTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("execution-autofire");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero));
    private ExecutionHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ExecutionHost.StartAsync(_directory.Path, _time);
        _host.World.AddUser(3, autoFire: true);
        _host.World.Profiles[3] = new UserRiskProfile(new UserId(3), 2m, true, 0.55m, DrillTone.Balanced, "UTC");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task MissionCreated_WhenPublishedTwiceForAnOptedInUser_SendsOneAutoFireCommand()
    {
        var mission = Created(0.60);

        await _host.PublishAsync(mission);
        await _host.PublishAsync(mission);
        await _host.PublishAsync(mission with { MissionId = MissionId.New(_time.GetUtcNow()) });

        var command = _host.World.FireCommands.ShouldHaveSingleItem();
        command.Source.ShouldBe(FireSource.AutoFire);
        command.MissionId.ShouldBe(mission.MissionId);
        var audit = _host.Facts.Of<AuditEventOccurred>().ShouldHaveSingleItem();
        audit.Action.ShouldBe("mission.fire");
        audit.ActorUserId.ShouldBe(new UserId(3));
        audit.Target.ShouldBe($"mission:{mission.MissionId.Value}");
        audit.Source.ShouldBe("auto-fire");
        audit.Detail.ShouldStartWith("auto-fire accepted, fire ");
    }

    [Theory]
    [InlineData(0.50, 0.2, true, true)]   // below the user's minimum win probability
    [InlineData(0.60, -0.1, true, true)]  // negative EV
    [InlineData(0.60, 0.2, false, true)]  // user did not opt in
    [InlineData(0.60, 0.2, true, false)]  // tier does not allow auto-fire
    public async Task MissionCreated_WhenAnyConditionFails_DoesNotFire(double winProbability, double ev, bool optedIn, bool tierAllows)
    {
        _host.World.Profiles[3] = new UserRiskProfile(new UserId(3), 2m, optedIn, 0.55m, DrillTone.Balanced, "UTC");
        _host.World.AddUser(3, autoFire: tierAllows);

        await _host.PublishAsync(Created(winProbability) with { ExpectedValueR = ev });

        _host.World.FireCommands.ShouldBeEmpty();
    }

    private MissionCreated Created(double winProbability)
    {
        var now = _time.GetUtcNow();
        return new MissionCreated(MissionId.New(now), new UserId(3), SignalId.New(now), "EURUSD", Side.Buy, "ORDER_BLOCK_BOUNCE", 1.1m, 1.098m, 1.104m, 0.1m, 20m, 40m, "USD",
            winProbability, 0.2, 80, true, null, now.AddMinutes(15), now, now);
    }
}
