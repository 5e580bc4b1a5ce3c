using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Creation;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Stream;
using Bitten.Modules.Missions.Tests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Missions.Tests.Creation;

public sealed class FanOutWorkerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SignalPublished_WhileAFanOutIsRunning_ReturnsToThePublisherAtOnce()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(20);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.World.AudienceGate = gate.Task; // the first fan-out stops in the middle, holding the worker
        await harness.Worker.StartAsync(CancellationToken.None);
        try
        {
            var first = harness.Signal();
            var second = harness.Signal("GBPUSD", 1.27000m, 1.26800m, 1.27300m);

            await harness.PublishAsync((INotification)first).WaitAsync(Patience);
            await Wait.UntilAsync(() => Volatile.Read(ref harness.World.AudienceRequests) == 1, Patience, "the worker to start the first fan-out");
            await harness.PublishAsync((INotification)second).WaitAsync(Patience); // returns although the worker is still busy with the first

            (await harness.MissionsAsync()).ShouldBeEmpty();
            harness.Services.GetRequiredService<FanOutQueue>().Outstanding.ShouldBe(2);
            gate.SetResult();
            await Wait.UntilAsync(() => harness.World.Batches.Count == 2, Patience, "both signals' missions to be announced");
            harness.World.Batches.Select(b => b.SignalId.Value).ToList().ShouldBe([first.SignalId.Value, second.SignalId.Value], "fanned out in publishing order, one announcement each");
            (await harness.MissionsAsync()).Count.ShouldBe(40);
        }
        finally
        {
            await harness.Worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task FanOut_Always_AnnouncesOneBatchAndAsksForAccountsOnce()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(1_000);
        harness.AddUsers(10, firstId: 5_001, withAccount: false);

        await harness.PublishAsync(harness.Signal());

        harness.World.Batches.Count.ShouldBe(1);
        harness.World.Batches.Single().Missions.Count.ShouldBe(1_010);
        harness.World.AccountRequests.ShouldBe(1, "one GetUserAccounts for the whole audience, not two requests per user");
        harness.World.AccountLookups.ShouldBe(1_010);
    }

    [Fact]
    public async Task FanOut_Always_SendsTheStreamFramesBeforeTheOtherModulesHearOfIt()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        var hub = harness.Services.GetRequiredService<MissionStreamHub>();
        var (client, _) = hub.Subscribe(2, lastEventId: null);
        var framesWhenAnnounced = -1;
        harness.World.OnBatch = _ => framesWhenAnnounced = client!.Reader.Count;

        await harness.PublishAsync(harness.Signal());

        framesWhenAnnounced.ShouldBe(2, "the hello frame and the mission frame were queued before MissionsCreated was handled");
    }

    [Fact]
    public async Task CatchUp_WhenAStoredSignalHasNoMissions_FansItOutOnceAndLeavesTheOthers()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(5);
        var done = harness.Signal("GBPUSD", 1.27000m, 1.26800m, 1.27300m);
        await harness.PublishAsync(done); // fanned out before the "crash"
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var lost = harness.Signal(); // stored and published, but the process died before its fan-out
        var expired = harness.Signal("USDJPY", 150.000m, 149.800m, 150.300m) with { CreatedAt = harness.Time.GetUtcNow().AddMinutes(-20), ExpiresAt = harness.Time.GetUtcNow().AddMinutes(-5) };
        harness.World.StoredSignals.AddRange([expired, done, lost]);
        harness.World.Batches.Clear();
        harness.World.Created.Clear();

        var caughtUp = await harness.Worker.CatchUpAsync(CancellationToken.None);
        var again = await harness.Worker.CatchUpAsync(CancellationToken.None);

        caughtUp.ShouldBe(1);
        again.ShouldBe(0, "a signal with missions is never fanned out again by the catch-up");
        var missions = await harness.MissionsAsync();
        missions.Count(m => m.SignalId == lost.SignalId.Value).ShouldBe(5);
        missions.Count(m => m.SignalId == done.SignalId.Value).ShouldBe(5);
        missions.ShouldNotContain(m => m.SignalId == expired.SignalId.Value);
        harness.World.Batches.Select(b => b.SignalId).ShouldBe([lost.SignalId]);
        missions.Where(m => m.SignalId == lost.SignalId.Value).ShouldAllBe(m => m.AnnouncedAtMs != null);
    }

    [Fact]
    public async Task Start_AfterACrashBetweenPublishAndFanOut_GivesTheSignalItsMissions()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(4);
        var lost = harness.Signal();
        harness.World.StoredSignals.Add(lost);

        await harness.Worker.StartAsync(CancellationToken.None);
        try
        {
            await Wait.UntilAsync(() => harness.World.Created.Count == 4, Patience, "the catch-up at start to fan the lost signal out and announce it");
        }
        finally
        {
            await harness.Worker.StopAsync(CancellationToken.None);
        }

        (await harness.MissionsAsync()).Where(m => m.SignalId == lost.SignalId.Value).Count().ShouldBe(4);
    }

    [Fact]
    public async Task CatchUp_WhenSignalsIsNotRunning_DoesNothing()
    {
        await using var harness = new MissionsHarness(withSignals: false);
        harness.AddUsers(2);
        harness.World.StoredSignals.Add(harness.Signal());

        (await harness.Worker.CatchUpAsync(CancellationToken.None)).ShouldBe(0);
        (await harness.MissionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Recover_WhenSeveralSignalsWereLeftUnannounced_AnnouncesOneBatchPerSignal()
    {
        await using var harness = new MissionsHarness();
        harness.AddUsers(3);
        var a = harness.Signal();
        var b = harness.Signal("GBPUSD", 1.27000m, 1.26800m, 1.27300m);
        await harness.PublishAsync(a);
        await harness.PublishAsync(b);
        // As if the process died after both inserts committed and before either announcement.
        await harness.InScopeAsync(sp => sp.GetRequiredService<MissionsDbContext>().Missions.ExecuteUpdateAsync(s => s.SetProperty(m => m.AnnouncedAtMs, (long?)null)));
        harness.World.Batches.Clear();
        harness.Time.Advance(TimeSpan.FromSeconds(60));

        var recovered = await harness.InScopeAsync(sp => sp.GetRequiredService<AnnouncementRecoveryJob>().RecoverAsync(CancellationToken.None));

        recovered.ShouldBe(6);
        harness.World.Batches.Select(x => x.SignalId.Value).Order(StringComparer.Ordinal).ShouldBe(new[] { a.SignalId.Value, b.SignalId.Value }.Order(StringComparer.Ordinal));
        harness.World.Batches.ShouldAllBe(x => x.Missions.Count == 3);
    }
}
