namespace Bitten.Modules.Signals.Structure;

/// <summary>A session's clock window, inclusive at both ends, at minute resolution; wraps midnight when Start &gt;= End.</summary>
internal readonly record struct SessionWindow(TimeOnly Start, TimeOnly End)
{
    public static SessionWindow Sydney => new(new TimeOnly(21, 0), new TimeOnly(6, 0));

    public static SessionWindow Tokyo => new(new TimeOnly(0, 0), new TimeOnly(9, 0));

    public static SessionWindow London => new(new TimeOnly(7, 0), new TimeOnly(16, 0));

    public static SessionWindow NewYork => new(new TimeOnly(13, 0), new TimeOnly(22, 0));

    public static SessionWindow AsianKillZone => new(new TimeOnly(0, 0), new TimeOnly(4, 0));

    public static SessionWindow LondonOpenKillZone => new(new TimeOnly(6, 0), new TimeOnly(9, 0));

    public static SessionWindow NewYorkKillZone => new(new TimeOnly(11, 0), new TimeOnly(14, 0));

    public static SessionWindow LondonCloseKillZone => new(new TimeOnly(14, 0), new TimeOnly(16, 0));

    /// <summary>Whether a bar opening at this Unix-millisecond time (read on the window's clock) is inside the window.</summary>
    public bool Contains(long openTimeMs)
    {
        var minute = (int)(((openTimeMs / 60_000 % 1440) + 1440) % 1440);
        var start = (Start.Hour * 60) + Start.Minute;
        var end = (End.Hour * 60) + End.Minute;
        return start < end ? minute >= start && minute <= end : minute >= start || minute <= end;
    }
}
