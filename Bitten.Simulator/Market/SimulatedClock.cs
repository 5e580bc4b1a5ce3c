namespace Bitten.Simulator.Market;

/// <summary>Simulated time: starts at <c>start</c> and runs <c>speed</c> times faster than the wall clock.</summary>
internal sealed class SimulatedClock(TimeProvider wall, DateTimeOffset start, double speed)
{
    private readonly long _wallStart = wall.GetTimestamp();

    public double Speed => speed;

    public long NowMs => start.ToUnixTimeMilliseconds() + (long)(wall.GetElapsedTime(_wallStart).TotalMilliseconds * speed);

    /// <summary>Wall time until simulated time reaches <paramref name="tsMs"/> (zero when it has).</summary>
    public TimeSpan WallUntil(long tsMs) => TimeSpan.FromMilliseconds(Math.Max(0, (tsMs - NowMs) / speed));
}
