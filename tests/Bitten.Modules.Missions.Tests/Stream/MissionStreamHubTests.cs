using System.Text;
using Bitten.Modules.Missions.Stream;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Tests.Stream;

public sealed class MissionStreamHubTests
{
    [Fact]
    public void Publish_WhenClientFallsBehind_DropsItWithoutBlockingOthers()
    {
        using var hub = Hub(queue: 4, ring: 2);
        var (slow, _) = hub.Subscribe(1, null);
        var (fast, _) = hub.Subscribe(1, null);

        for (var i = 0; i < 10; i++)
        {
            hub.Publish(1, "mission", new { n = i });
            while (fast!.Reader.TryRead(out _))
            {
            }
        }

        hub.ClientCount.ShouldBe(1);
        hub.DroppedCount.ShouldBe(1);
        slow!.Reader.Completion.IsCompleted.ShouldBeFalse("queued frames are still readable before completion");
        while (slow.Reader.TryRead(out _))
        {
        }

        slow.Reader.Completion.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public void Subscribe_WhenResuming_ReplaysOnlyLaterEventsOfThatUser()
    {
        using var hub = Hub(queue: 16, ring: 10);
        var first = hub.Publish(1, "mission", new { n = 1 });
        hub.Publish(2, "mission", new { n = 99 });
        var second = hub.Publish(1, "mission_state", new { n = 2 });

        var (client, _) = hub.Subscribe(1, first);

        var frames = Drain(client!);
        frames.Count.ShouldBe(2); // hello + the one missed event
        frames[1].ShouldStartWith($"id: {second}\nevent: mission_state\n");
    }

    [Fact]
    public void Subscribe_WhenMissedEventsWereEvicted_AsksTheClientToResync()
    {
        using var hub = Hub(queue: 16, ring: 2);
        var first = hub.Publish(1, "mission", new { n = 1 });
        for (var i = 0; i < 3; i++)
        {
            hub.Publish(1, "mission", new { n = i });
        }

        var (client, _) = hub.Subscribe(1, first);

        var frames = Drain(client!);
        frames[1].ShouldContain("event: resync");
        frames.Count.ShouldBe(4); // hello, resync, the two events still held
    }

    [Fact]
    public void Subscribe_WhenUserHasTooManyStreams_IsRefused()
    {
        using var hub = Hub(queue: 4, ring: 2, perUser: 2);
        hub.Subscribe(1, null).Client.ShouldNotBeNull();
        hub.Subscribe(1, null).Client.ShouldNotBeNull();

        var (client, refusal) = hub.Subscribe(1, null);

        client.ShouldBeNull();
        refusal.ShouldBe(SubscribeRefusal.TooManyForUser);
        hub.ClientCount.ShouldBe(2);
    }

    [Fact]
    public void Subscribe_WhenResumingWithinTheAgeLimit_ReplaysTheMissedEvent()
    {
        var clock = new ManualTimeProvider();
        using var hub = Hub(queue: 16, ring: 10, clock: clock, maxAgeMinutes: 15);
        var seen = hub.Publish(1, "mission", new { n = 1 });
        var missed = hub.Publish(1, "mission", new { n = 2 });

        clock.Advance(TimeSpan.FromMinutes(14));
        var (client, _) = hub.Subscribe(1, seen);

        var frames = Drain(client!);
        frames.Count.ShouldBe(2, "hello + the missed event, no resync");
        frames[1].ShouldStartWith($"id: {missed}\nevent: mission\n");
    }

    [Fact]
    public void Trim_WhenEventsAreOlderThanTheAgeLimit_DropsThemForgetsTheUserAndAResumeIsToldToResync()
    {
        var clock = new ManualTimeProvider();
        using var hub = Hub(queue: 16, ring: 10, clock: clock, maxAgeMinutes: 15);
        var seen = hub.Publish(1, "mission", new { n = 1 });
        hub.Publish(1, "mission", new { n = 2 });
        hub.Stats().ReplayFrames.ShouldBe(2);

        clock.Advance(TimeSpan.FromMinutes(16)); // heartbeats sweep on the way

        var stats = hub.Stats();
        stats.ReplayFrames.ShouldBe(0);
        stats.ReplayBytes.ShouldBe(0);
        stats.Users.ShouldBe(0, "a user with no stream and nothing to replay costs nothing");
        stats.OrderEntries.ShouldBe(0);
        stats.EvictedByAge.ShouldBe(2);
        var frames = Drain(hub.Subscribe(1, seen).Client!);
        frames.Count.ShouldBe(2, "hello + resync, and the expired event is not replayed");
        frames[1].ShouldContain("event: resync");
    }

    [Fact]
    public void Subscribe_WhenTheSweepHasNotRunYet_StillReplaysNothingOlderThanTheAgeLimit()
    {
        var clock = new ManualTimeProvider();
        using var hub = Hub(queue: 16, ring: 10, clock: clock, maxAgeMinutes: 1, heartbeatSeconds: 300);
        var seen = hub.Publish(1, "mission", new { n = 1 });
        clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = hub.Publish(1, "mission", new { n = 2 });
        hub.Publish(1, "mission", new { n = 3 });
        clock.Advance(TimeSpan.FromSeconds(40)); // the first event is 70 s old, the others 40; no heartbeat has swept yet

        var frames = Drain(hub.Subscribe(1, seen - 1).Client!);

        frames.Count.ShouldBe(4, "hello, resync, and the two events still within the limit");
        frames[1].ShouldContain("event: resync");
        frames[2].ShouldStartWith($"id: {fresh}\n");
    }

    [Fact]
    public void Publish_WhenTheByteBudgetIsReached_DropsTheOldestEventsOfAnyUserAndStaysWithinIt()
    {
        using var hub = Hub(queue: 16, ring: 100, budgetMegabytes: 1);
        var payload = new { text = new string('x', 4_000) };
        var first = hub.Publish(1, "mission", payload);
        for (var i = 0; i < 2_000; i++)
        {
            hub.Publish(2 + (i % 50), "mission", payload);
            hub.Stats().ReplayBytes.ShouldBeLessThanOrEqualTo(1024 * 1024);
        }

        var stats = hub.Stats();
        stats.ReplayBytes.ShouldBeGreaterThan(1024 * 1024 * 9 / 10, "it fills the budget rather than emptying itself");
        stats.EvictedByBudget.ShouldBeGreaterThan(0);
        stats.EvictedPerUser.ShouldBe(0);
        stats.Users.ShouldBeLessThanOrEqualTo(50, "user 1's only event was the oldest, so user 1 was forgotten");
        Drain(hub.Subscribe(1, first - 1).Client!)[1].ShouldContain("event: resync");
        var latest = Drain(hub.Subscribe(51, first).Client!);
        latest[1].ShouldContain("event: resync", customMessage: "user 51's oldest events went too");
        latest.Count.ShouldBeGreaterThan(2, "but its latest events are still replayed");
    }

    [Fact]
    public void Unsubscribe_WhenTheUserHasNothingToReplay_ForgetsTheUser()
    {
        using var hub = Hub(queue: 16, ring: 10);
        var (client, _) = hub.Subscribe(7, null);
        hub.Stats().Users.ShouldBe(1);

        hub.Unsubscribe(client!);

        hub.Stats().Users.ShouldBe(0);
        hub.ClientCount.ShouldBe(0);
    }

    [Fact]
    public void Subscribe_WhenResumingAfterTheUserWasForgotten_IsToldToResync()
    {
        var clock = new ManualTimeProvider();
        using var hub = Hub(queue: 16, ring: 10, clock: clock, maxAgeMinutes: 1);
        var seen = hub.Publish(3, "mission", new { n = 1 });
        hub.Publish(3, "mission", new { n = 2 });
        clock.Advance(TimeSpan.FromMinutes(2));
        hub.Stats().Users.ShouldBe(0);

        var frames = Drain(hub.Subscribe(3, seen).Client!);

        frames[1].ShouldContain("event: resync", customMessage: "the event after 'seen' existed and was dropped with the user's entry");
    }

    [Fact]
    public async Task Hub_UnderConcurrentPublishSubscribeAndTrim_KeepsItsAccountsAndEmptiesWhenAllIsOld()
    {
        var clock = new ManualTimeProvider();
        using var hub = Hub(queue: 1_000, ring: 5, clock: clock, budgetMegabytes: 1, maxAgeMinutes: 1);
        var payload = new { text = new string('y', 2_000) };
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var user = (i * 7 + w) % 40;
                hub.Publish(user, "mission", payload);
                if (i % 10 == 0)
                {
                    var (client, _) = hub.Subscribe(user, null);
                    hub.Unsubscribe(client!);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(60));
        hub.Stats().ReplayBytes.ShouldBeLessThanOrEqualTo(1024 * 1024);
        hub.Stats().ReplayFrames.ShouldBeLessThanOrEqualTo(40 * 5);

        clock.Advance(TimeSpan.FromMinutes(2));

        var stats = hub.Stats();
        stats.ShouldSatisfyAllConditions(
            () => stats.ReplayFrames.ShouldBe(0),
            () => stats.ReplayBytes.ShouldBe(0),
            () => stats.Users.ShouldBe(0),
            () => stats.OrderEntries.ShouldBe(0),
            () => stats.Clients.ShouldBe(0),
            () => (stats.EvictedByAge + stats.EvictedByBudget + stats.EvictedPerUser).ShouldBe(8_000));
    }

    private static List<string> Drain(StreamClient client)
    {
        var frames = new List<string>();
        while (client.Reader.TryRead(out var frame))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Span));
        }

        return frames;
    }

    private static MissionStreamHub Hub(
        int queue, int ring, int perUser = 8, ManualTimeProvider? clock = null, int maxAgeMinutes = 15, int budgetMegabytes = 64, int heartbeatSeconds = 15) => new(
        Options.Create(new MissionsOptions
        {
            StreamClientQueue = queue,
            StreamReplayPerUser = ring,
            MaxStreamsPerUser = perUser,
            StreamReplayMaxAgeMinutes = maxAgeMinutes,
            StreamReplayBudgetMegabytes = budgetMegabytes,
            StreamHeartbeatSeconds = heartbeatSeconds,
        }),
        clock ?? new ManualTimeProvider(), NullLogger<MissionStreamHub>.Instance);
}
