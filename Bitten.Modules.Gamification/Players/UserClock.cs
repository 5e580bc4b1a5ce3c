using System.Globalization;

namespace Bitten.Modules.Gamification.Players;

/// <summary>User-local days: the date of an instant in a user's IANA zone, and the UTC span of a local day (DST-aware).</summary>
internal static class UserClock
{
    public static TimeZoneInfo Zone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static DateTimeOffset LocalNow(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    /// <summary>The UTC instant a local date starts (the first valid local time when midnight falls in a DST gap).</summary>
    public static DateTimeOffset DayStart(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static (long FromMs, long ToMs) DayRangeMs(DateOnly date, TimeZoneInfo zone) =>
        (DayStart(date, zone).ToUnixTimeMilliseconds(), DayStart(date.AddDays(1), zone).ToUnixTimeMilliseconds());

    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
