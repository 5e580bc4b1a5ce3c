namespace Bitten.Simulator.Market;

/// <summary>The UTC sessions of DOMAIN §1 and how busy each one is.</summary>
internal enum MarketSession
{
    Unknown = 0,
    Asian = 1,
    London = 2,
    Overlap = 3,
    NewYork = 4,
    OffHours = 5,
}

/// <summary>Session rules: which session an instant is in, the weekend window, activity and spread factors.</summary>
internal static class MarketSessions
{
    public static MarketSession At(DateTimeOffset utc) => utc.UtcDateTime.Hour switch
    {
        >= 23 or < 7 => MarketSession.Asian,
        < 12 => MarketSession.London,
        < 16 => MarketSession.Overlap,
        < 21 => MarketSession.NewYork,
        _ => MarketSession.OffHours,
    };

    /// <summary>Friday 21:00 to Sunday 22:00 UTC: no ticks.</summary>
    public static bool IsWeekend(DateTimeOffset utc)
    {
        var t = utc.UtcDateTime;
        return t.DayOfWeek switch
        {
            DayOfWeek.Friday => t.Hour >= 21,
            DayOfWeek.Saturday => true,
            DayOfWeek.Sunday => t.Hour < 22,
            _ => false,
        };
    }

    /// <summary>The next market open (Sunday 22:00 UTC) at or after <paramref name="utc"/> when it lies in the weekend.</summary>
    public static DateTimeOffset NextOpen(DateTimeOffset utc)
    {
        if (!IsWeekend(utc))
        {
            return utc;
        }

        var date = utc.UtcDateTime.Date;
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)date.DayOfWeek + 7) % 7;
        return new DateTimeOffset(date.AddDays(daysToSunday).AddHours(22), TimeSpan.Zero);
    }

    /// <summary>Relative tick rate and volatility: London and the overlap are busiest, off-hours quietest.</summary>
    public static double Activity(MarketSession session, bool asiaPacific) => session switch
    {
        MarketSession.Asian => asiaPacific ? 0.85 : 0.55,
        MarketSession.London => 1.2,
        MarketSession.Overlap => 1.45,
        MarketSession.NewYork => 1.0,
        MarketSession.OffHours => 0.35,
        _ => 1.0,
    };

    /// <summary>Spread widening: off-hours (rollover) most, the Asian session a little for non-Asian pairs.</summary>
    public static double SpreadFactor(MarketSession session, bool asiaPacific) => session switch
    {
        MarketSession.OffHours => 2.5,
        MarketSession.Asian => asiaPacific ? 1.1 : 1.4,
        _ => 1.0,
    };
}
