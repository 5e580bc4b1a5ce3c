namespace Bitten.Simulator.Market;

/// <summary>
/// Simulated time. With a warm-up it begins at <c>start - warmUp</c> and runs <c>warmUpSpeed</c> times faster than
/// the wall clock until it has caught up with <c>start</c> advanced by the wall time that passed; from then on it runs
/// <c>speed</c> times faster than the wall clock (at speed 1 it is the wall clock, shifted to <c>start</c>).
/// </summary>
internal sealed class SimulatedClock
{
    private readonly TimeProvider _wall;
    private readonly long _wallStart;
    private readonly long _startMs;
    private readonly double _speed;
    private readonly double _warmUpSpeed;
    private readonly double _warmUpMs;
    private readonly double _catchUpWallMs;

    public SimulatedClock(TimeProvider wall, DateTimeOffset start, double speed, TimeSpan warmUp = default, double warmUpSpeed = 1_000)
    {
        ArgumentNullException.ThrowIfNull(wall);
        _wall = wall;
        _wallStart = wall.GetTimestamp();
        _startMs = start.ToUnixTimeMilliseconds();
        _speed = speed;
        _warmUpSpeed = Math.Max(warmUpSpeed, speed + 1);
        _warmUpMs = Math.Max(0, warmUp.TotalMilliseconds);

        // (start - W) + C·w = start + S·w  ⇒  w = W / (C - S)
        _catchUpWallMs = _warmUpMs / (_warmUpSpeed - speed);
    }

    public double Speed => _speed;

    /// <summary>The simulated instant the warm-up begins at (the start when there is none).</summary>
    public long WarmUpStartMs => _startMs - (long)_warmUpMs;

    /// <summary>True while the clock still runs at the warm-up speed.</summary>
    public bool WarmingUp => ElapsedWallMs < _catchUpWallMs;

    public long NowMs => At(ElapsedWallMs);

    /// <summary>Wall time until simulated time reaches <paramref name="tsMs"/> (zero when it has).</summary>
    public TimeSpan WallUntil(long tsMs)
    {
        var w = ElapsedWallMs;
        if (At(w) >= tsMs)
        {
            return TimeSpan.Zero;
        }

        var catchUpEndMs = _startMs + (_speed * _catchUpWallMs);
        var wallAt = tsMs <= catchUpEndMs
            ? (tsMs - WarmUpStartMs) / _warmUpSpeed
            : _catchUpWallMs + ((tsMs - catchUpEndMs) / _speed);
        return TimeSpan.FromMilliseconds(Math.Max(0, wallAt - w));
    }

    private double ElapsedWallMs => _wall.GetElapsedTime(_wallStart).TotalMilliseconds;

    private long At(double wallMs) => wallMs < _catchUpWallMs
        ? WarmUpStartMs + (long)(wallMs * _warmUpSpeed)
        : (long)(_startMs + (_speed * wallMs));
}
