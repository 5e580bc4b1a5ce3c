namespace Bitten.Testing;

/// <summary>
/// The real clock moved by a fixed offset: time passes at the normal rate (timers and delays are real) but the
/// date is one the test chooses, so a whole host can run "on a Wednesday morning" whatever the real weekday.
/// </summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    /// <summary>A clock that reads <paramref name="weekday"/> at <paramref name="timeOfDay"/> UTC now (this week's, or today).</summary>
    public static ShiftedTimeProvider To(DayOfWeek weekday, TimeSpan timeOfDay)
    {
        var now = System.GetUtcNow();
        var days = ((int)weekday - (int)now.UtcDateTime.DayOfWeek + 7) % 7;
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddDays(days) + timeOfDay, TimeSpan.Zero);
        return new ShiftedTimeProvider(target - now);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
