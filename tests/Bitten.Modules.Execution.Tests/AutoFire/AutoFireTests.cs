using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Tests.Harness;
using Microsoft.EntityFrameworkCore;

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
    public async Task MissionsCreated_WhenPublishedTwiceForAnOptedInUser_SendsOneAutoFireCommand()
    {
        var mission = Created(0.60);

        await PublishAsync(mission);
        await PublishAsync(mission);
        await PublishAsync(mission with { MissionId = MissionId.New(_time.GetUtcNow()) });

        var command = _host.World.FireCommands.ShouldHaveSingleItem();
        command.Source.ShouldBe(FireSource.AutoFire);
        command.MissionId.ShouldBe(mission.MissionId);
        var audit = _host.Facts.Of<AuditEventOccurred>().ShouldHaveSingleItem();
        audit.Action.ShouldBe("mission.fire");
        audit.ActorUserId.ShouldBe(new UserId(3));
        audit.Target.ShouldBe($"mission:{mission.MissionId.Value}");
        audit.Source.ShouldBe("auto-fire");
        audit.Detail.ShouldStartWith("auto-fire accepted, fire ");
        var row = (await _host.DbAsync(db => db.AutoFires.AsNoTracking().ToListAsync())).ShouldHaveSingleItem();
        (row.MissionId, row.Accepted, row.Reason).ShouldBe((mission.MissionId.Value, true, (string?)null));
    }

    [Theory]
    [InlineData(0.50, 0.2, true, true)]   // below the user's minimum win probability
    [InlineData(0.60, -0.1, true, true)]  // negative EV
    [InlineData(0.60, 0.2, false, true)]  // user did not opt in
    [InlineData(0.60, 0.2, true, false)]  // tier does not allow auto-fire
    public async Task MissionsCreated_WhenAnyConditionFails_DoesNotFire(double winProbability, double ev, bool optedIn, bool tierAllows)
    {
        _host.World.Profiles[3] = new UserRiskProfile(new UserId(3), 2m, optedIn, 0.55m, DrillTone.Balanced, "UTC");
        _host.World.AddUser(3, autoFire: tierAllows);

        await PublishAsync(Created(winProbability) with { ExpectedValueR = ev });

        _host.World.FireCommands.ShouldBeEmpty();
        (await _host.DbAsync(db => db.AutoFires.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task MissionsCreated_ForABatch_ReadsTheRiskProfilesOnceAndFiresOnlyTheQualifyingMissions()
    {
        for (var user = 10; user < 16; user++)
        {
            _host.World.AddUser(user, autoFire: true);
            _host.World.Profiles[user] = new UserRiskProfile(new UserId(user), 2m, AutoFireEnabled: user != 11, MinWinProbability: user == 12 ? 0.7m : 0.55m, DrillTone.Balanced, "UTC");
        }

        _host.World.AddUser(14, autoFire: false); // the tier no longer allows it
        var signal = SignalId.New(_time.GetUtcNow());
        var batch = new[]
        {
            Created(0.60, 10, signal), // fires
            Created(0.60, 11, signal), // not opted in
            Created(0.60, 12, signal), // below this user's minimum
            Created(0.60, 13, signal) with { Fireable = false, NotFireableReason = "view only" },
            Created(0.60, 14, signal), // tier refuses
            Created(0.60, 15, signal), // fires
            Created(0.60, 99, signal), // unknown to Users
        };

        await PublishAsync(batch);
        await PublishAsync(batch); // announced again by the recovery: nothing more, nothing logged as an error

        _host.World.RiskProfileRequests.ShouldBe(2, "one GetUserRiskProfiles per batch, not one request per mission");
        _host.World.FireCommands.Select(c => c.UserId.Value).Order().ShouldBe([10L, 15L]);
        (await _host.DbAsync(db => db.AutoFires.AsNoTracking().OrderBy(a => a.UserId).Select(a => a.UserId).ToListAsync())).ShouldBe([10L, 15L]);
    }

    [Fact]
    public async Task MissionsCreated_WhenNoMissionIsFireable_DoesNotAskUsers()
    {
        await PublishAsync(Created(0.60) with { Fireable = false }, Created(0.60) with { ExpectedValueR = 0 });

        _host.World.RiskProfileRequests.ShouldBe(0);
        _host.World.FireCommands.ShouldBeEmpty();
    }

    private Task PublishAsync(params MissionCreated[] missions) =>
        _host.PublishAsync(new MissionsCreated(missions[0].SignalId, missions, _time.GetUtcNow()));

    private MissionCreated Created(double winProbability, long userId = 3, SignalId? signal = null)
    {
        var now = _time.GetUtcNow();
        return new MissionCreated(MissionId.New(now), new UserId(userId), signal ?? SignalId.New(now), "EURUSD", Side.Buy, "ORDER_BLOCK_BOUNCE", 1.1m, 1.098m, 1.104m, 0.1m, 20m, 40m, "USD",
            winProbability, 0.2, 80, true, null, now.AddMinutes(15), now, now);
    }
}
