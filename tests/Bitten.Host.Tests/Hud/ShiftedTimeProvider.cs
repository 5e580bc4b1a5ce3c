namespace Bitten.Host.Tests.Hud;

/// <summary>
/// The wall clock moved to a fixed instant: time runs at real speed (timers are real) from
/// <paramref name="start"/>. The browser tests run on a weekday whatever today is, so the weekend
/// guard and the simulator's market calendar behave the same on every day of the week.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}
