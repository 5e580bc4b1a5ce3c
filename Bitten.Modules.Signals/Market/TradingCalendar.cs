using Bitten.Contracts.Signals;

namespace Bitten.Modules.Signals.Market;

/// <summary>Sessions and the weekend in UTC (DOMAIN §1). Pure functions of the instant.</summary>
internal static class TradingCalendar
{
    private const long MsPerMinute = 60_000;
    private const long MsPerDay = 86_400_000;

    public static TradingSession SessionAt(long utcMs)
    {
        var minuteOfDay = (int)(((utcMs % MsPerDay) + MsPerDay) % MsPerDay / MsPerMinute);
        return minuteOfDay switch
        {
            < 7 * 60 => TradingSession.Asian,
            < 12 * 60 => TradingSession.London,
            < 16 * 60 => TradingSession.Overlap,
            < 21 * 60 => TradingSession.NewYork,
            < 23 * 60 => TradingSession.OffHours,
            _ => TradingSession.Asian,
        };
    }

    public static TradingSession SessionAt(DateTimeOffset instant) => SessionAt(instant.ToUnixTimeMilliseconds());

    /// <summary>Friday 21:00 UTC to Sunday 22:00 UTC: no signals and no new fires.</summary>
    public static bool IsWeekend(long utcMs)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(utcMs);
        var minute = (instant.Hour * 60) + instant.Minute;
        return instant.DayOfWeek switch
        {
            DayOfWeek.Friday => minute >= 21 * 60,
            DayOfWeek.Saturday => true,
            DayOfWeek.Sunday => minute < 22 * 60,
            _ => false,
        };
    }

    public static bool IsWeekend(DateTimeOffset instant) => IsWeekend(instant.ToUnixTimeMilliseconds());

    /// <summary>Session context score: LONDON/OVERLAP favoured, ASIAN penalised, neutral for JPY/AUD/NZD pairs.</summary>
    public static int SessionSign(TradingSession session, bool sessionNeutral) =>
        sessionNeutral ? 0 : session switch
        {
            TradingSession.London or TradingSession.Overlap => 1,
            TradingSession.Asian => -1,
            _ => 0,
        };
}
