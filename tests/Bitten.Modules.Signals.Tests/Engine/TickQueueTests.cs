using Bitten.Modules.Signals.Engine;
using Bitten.Modules.Signals.Ingest;

namespace Bitten.Modules.Signals.Tests.Engine;

public sealed class TickQueueTests
{
    private static TickEvent Tick(long n) => new(0, 1.1, 1.1001, 1_700_000_000_000L + n, n);

    [Fact]
    public void TryRead_BeforePublish_SeesNothing_ThenAllInOrder()
    {
        var queue = new TickQueue(8);
        for (var i = 0; i < 5; i++)
        {
            queue.TryWrite(Tick(i)).ShouldBeTrue();
        }

        queue.TryRead(out _).ShouldBeFalse(); // not yet published
        queue.Publish();
        queue.Count.ShouldBe(5);
        for (var i = 0; i < 5; i++)
        {
            queue.TryRead(out var tick).ShouldBeTrue();
            tick.ReceivedTicks.ShouldBe(i);
        }

        queue.TryRead(out _).ShouldBeFalse();
        queue.Count.ShouldBe(0);
    }

    [Fact]
    public void TryWrite_WhenFull_RefusesUntilTheConsumerTakesOne()
    {
        var queue = new TickQueue(3); // not a power of two: the configured capacity is the bound
        queue.TryWrite(Tick(0)).ShouldBeTrue();
        queue.TryWrite(Tick(1)).ShouldBeTrue();
        queue.TryWrite(Tick(2)).ShouldBeTrue();
        queue.TryWrite(Tick(3)).ShouldBeFalse();
        queue.Publish();
        queue.TryRead(out var first).ShouldBeTrue();
        first.ReceivedTicks.ShouldBe(0);
        queue.TryWrite(Tick(4)).ShouldBeTrue();
        queue.TryWrite(Tick(5)).ShouldBeFalse();
        queue.Publish();
        var rest = new List<long>();
        while (queue.TryRead(out var tick))
        {
            rest.Add(tick.ReceivedTicks);
        }

        rest.ShouldBe([1, 2, 4]);
    }

    [Fact]
    public async Task Wait_WakesOnPublishClockAndComplete()
    {
        var queue = new TickQueue(16);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var waiting = Task.Run(() => queue.Wait(cts.Token), cts.Token);
        queue.TryWrite(Tick(1)).ShouldBeTrue();
        queue.Publish();
        (await waiting).ShouldBeTrue();
        queue.TryRead(out _).ShouldBeTrue();

        waiting = Task.Run(() => queue.Wait(cts.Token), cts.Token);
        queue.RequestClock();
        (await waiting).ShouldBeTrue();
        queue.TakeClockRequest().ShouldBeTrue();
        queue.TakeClockRequest().ShouldBeFalse();

        waiting = Task.Run(() => queue.Wait(cts.Token), cts.Token);
        queue.Complete();
        (await waiting).ShouldBeFalse();
    }

    [Fact]
    public async Task ProducerAndConsumerOnTwoThreads_LoseNothingAndKeepOrder()
    {
        const int Count = 2_000_000;
        var queue = new TickQueue(1024);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var consumer = Task.Factory.StartNew(() =>
        {
            long expected = 0;
            while (true)
            {
                while (queue.TryRead(out var tick))
                {
                    if (tick.ReceivedTicks != expected)
                    {
                        return expected;
                    }

                    expected++;
                }

                if (!queue.Wait(cts.Token))
                {
                    while (queue.TryRead(out var tick) && tick.ReceivedTicks == expected)
                    {
                        expected++;
                    }

                    return expected;
                }
            }
        }, cts.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var random = new Random(3);
        long written = 0;
        while (written < Count)
        {
            // bursts of random size, published once each, as the feed receiver does
            var burst = random.Next(1, 300);
            for (var i = 0; i < burst && written < Count; i++)
            {
                while (!queue.TryWrite(Tick(written)))
                {
                    queue.Publish();
                    Thread.Yield();
                }

                written++;
            }

            queue.Publish();
        }

        queue.Complete();
        (await consumer).ShouldBe(Count);
    }
}
