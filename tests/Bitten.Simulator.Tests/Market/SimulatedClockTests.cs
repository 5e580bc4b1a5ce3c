using Bitten.Simulator.Market;

namespace Bitten.Simulator.Tests.Market;

public sealed class SimulatedClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WarmUp_RunsAtWarmUpSpeedFromTheEarlierStart_ThenAtSpeedFromWhereItCaughtUp()
    {
        var wall = new SteppedClock();
        var clock = new SimulatedClock(wall, Start, speed: 2, warmUp: TimeSpan.FromHours(3), warmUpSpeed: 1_002);
        var startMs = Start.ToUnixTimeMilliseconds();

        clock.NowMs.ShouldBe(startMs - 3 * 3_600_000);
        clock.WarmUpStartMs.ShouldBe(startMs - 3 * 3_600_000);
        clock.WarmingUp.ShouldBeTrue();

        wall.Advance(TimeSpan.FromSeconds(1)); // 1,002 simulated seconds
        clock.NowMs.ShouldBe(startMs - 3 * 3_600_000 + 1_002_000);

        // caught up after 10,800 s / (1,002 - 2) = 10.8 s of wall time, at start + 2 × 10.8 s
        wall.Advance(TimeSpan.FromSeconds(9.8));
        clock.WarmingUp.ShouldBeFalse();
        clock.NowMs.ShouldBe(startMs + 21_600);

        wall.Advance(TimeSpan.FromSeconds(5));
        clock.NowMs.ShouldBe(startMs + 21_600 + 10_000);
    }

    [Fact]
    public void WallUntil_InsideAndAfterTheWarmUp_IsTheWallTimeThatReachesTheInstant()
    {
        var wall = new SteppedClock();
        var clock = new SimulatedClock(wall, Start, speed: 1, warmUp: TimeSpan.FromHours(1), warmUpSpeed: 3_601);
        var startMs = Start.ToUnixTimeMilliseconds();

        clock.WallUntil(startMs - 3_600_000 + 3_601_000).ShouldBe(TimeSpan.FromSeconds(1)); // in the warm-up
        clock.WallUntil(startMs + 1_000 + 4_000).ShouldBe(TimeSpan.FromSeconds(5)); // caught up at 1 s (start + 1 s), then x1
        wall.Advance(TimeSpan.FromSeconds(5));
        clock.WallUntil(startMs + 5_000).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void NoWarmUp_IsTheStartAdvancedAtSpeed()
    {
        var wall = new SteppedClock();
        var clock = new SimulatedClock(wall, Start, speed: 60);

        clock.WarmingUp.ShouldBeFalse();
        wall.Advance(TimeSpan.FromSeconds(2));
        clock.NowMs.ShouldBe(Start.ToUnixTimeMilliseconds() + 120_000);
    }

    /// <summary>A clock whose monotonic timestamp moves only when told (GetElapsedTime is computed from it).</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
