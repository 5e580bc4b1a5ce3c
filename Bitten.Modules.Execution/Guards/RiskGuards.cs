using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;

namespace Bitten.Modules.Execution.Guards;

/// <summary>DOMAIN §9 guards as pure functions of the clock and the user's recent trades.</summary>
internal static class RiskGuards
{
    private static readonly TimeSpan FridayClose = TimeSpan.FromHours(21);
    private static readonly TimeSpan SundayOpen = TimeSpan.FromHours(22);

    /// <summary>Friday 21:00 to Sunday 22:00 UTC: the time the block ends, or null outside the weekend.</summary>
    public static DateTimeOffset? WeekendUntil(DateTimeOffset now)
    {
        var u = now.UtcDateTime;
        var weekend = (u.DayOfWeek == DayOfWeek.Friday && u.TimeOfDay >= FridayClose)
            || u.DayOfWeek == DayOfWeek.Saturday
            || (u.DayOfWeek == DayOfWeek.Sunday && u.TimeOfDay < SundayOpen);
        if (!weekend)
        {
            return null;
        }

        var toSunday = ((int)DayOfWeek.Sunday - (int)u.DayOfWeek + 7) % 7;
        return new DateTimeOffset(u.Date.AddDays(toSunday) + SundayOpen, TimeSpan.Zero);
    }

    /// <summary>How far, in R, the fill price (ask for a BUY, bid for a SELL) is from the signal's entry, either way.</summary>
    public static decimal DriftR(Side side, decimal entry, decimal stop, decimal bid, decimal ask)
    {
        var risk = Math.Abs(entry - stop);
        if (risk == 0)
        {
            return decimal.MaxValue;
        }

        var fill = side == Side.Buy ? ask : bid;
        return Math.Abs(fill - entry) / risk;
    }

    /// <summary>The daily loss cap: today's loss (realised, or equity below the start of day, whichever is larger) at or above the cap blocks until 00:00 UTC.</summary>
    public static DateTimeOffset? DailyCapUntil(DateTimeOffset now, decimal startOfDayEquity, decimal equity, decimal realisedToday, decimal capPercent)
    {
        if (startOfDayEquity <= 0)
        {
            return null;
        }

        var loss = Math.Max(-realisedToday, equity > 0 ? startOfDayEquity - equity : 0);
        var cap = startOfDayEquity * capPercent / 100m;
        return loss >= cap ? new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero) : null;
    }

    /// <summary>Tilt: the last <paramref name="losses"/> closed trades all lost; blocks until the last one's close plus <paramref name="block"/>.</summary>
    public static DateTimeOffset? TiltUntil(DateTimeOffset now, IReadOnlyList<(TradeResult Result, long ClosedAtMs)> newestFirst, int losses, TimeSpan block)
    {
        if (newestFirst.Count < losses || newestFirst.Take(losses).Any(t => t.Result != TradeResult.Loss))
        {
            return null;
        }

        var until = DateTimeOffset.FromUnixTimeMilliseconds(newestFirst[0].ClosedAtMs) + block;
        return until > now ? until : null;
    }
}
