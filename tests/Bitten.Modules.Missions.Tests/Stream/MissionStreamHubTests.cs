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

    private static List<string> Drain(StreamClient client)
    {
        var frames = new List<string>();
        while (client.Reader.TryRead(out var frame))
        {
            frames.Add(Encoding.UTF8.GetString(frame.Span));
        }

        return frames;
    }

    private static MissionStreamHub Hub(int queue, int ring, int perUser = 8) => new(
        Options.Create(new MissionsOptions { StreamClientQueue = queue, StreamReplayPerUser = ring, MaxStreamsPerUser = perUser }),
        new ManualTimeProvider(), NullLogger<MissionStreamHub>.Instance);
}
