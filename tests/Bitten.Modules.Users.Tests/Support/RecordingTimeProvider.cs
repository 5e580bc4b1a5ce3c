using System.Collections.Concurrent;

namespace Bitten.Modules.Users.Tests.Support;

/// <summary>A manual clock that also records every timer created on it, so a test can see which delay code asked for.</summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();

    public ManualTimeProvider Clock { get; } = new();

    /// <summary>Due times of every timer created, in creation order.</summary>
    public IReadOnlyList<TimeSpan> Timers => [.. _timers];

    public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Clock.CreateTimer(callback, state, dueTime, period);
        _timers.Enqueue(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);
}
