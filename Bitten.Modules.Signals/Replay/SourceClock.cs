using System.Globalization;

namespace Bitten.Modules.Signals.Replay;

/// <summary>
/// The clock a history file's time stamps are written in, turned into UTC: a fixed offset
/// (<c>UTC-5</c>, <c>+03:00</c>, <c>-5</c>) or a time zone id (<c>Europe/Athens</c>, with daylight saving).
/// The offset of a zone is cached per local hour, so converting a bar costs a comparison.
/// </summary>
internal sealed class SourceClock
{
    private readonly TimeZoneInfo? _zone;
    private readonly long _fixedOffsetMs;
    private long _cachedHour = long.MinValue;
    private long _cachedOffsetMs;

    private SourceClock(string name, long fixedOffsetMs, TimeZoneInfo? zone)
    {
        Name = name;
        _fixedOffsetMs = fixedOffsetMs;
        _zone = zone;
    }

    public static SourceClock Utc { get; } = new("UTC", 0, null);

    /// <summary>HistData.com's clock: EST without daylight saving.</summary>
    public static SourceClock HistData { get; } = new("UTC-05:00", -5 * 3_600_000L, null);

    public string Name { get; }

    public static SourceClock Fixed(TimeSpan offset) =>
        new(string.Create(CultureInfo.InvariantCulture, $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}"), (long)offset.TotalMilliseconds, null);

    /// <summary>Parses <c>UTC</c>, <c>UTC±h[:mm]</c>, <c>±hh:mm</c>, <c>±h</c> or a time zone id; null with a reason when it is none of them.</summary>
    public static SourceClock? Parse(string text, out string? problem)
    {
        problem = null;
        var t = text.Trim();
        if (t.Equals("UTC", StringComparison.OrdinalIgnoreCase) || t.Equals("GMT", StringComparison.OrdinalIgnoreCase) || t == "Z")
        {
            return Utc;
        }

        var offsetText = t.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || t.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) ? t[3..] : t;
        if (offsetText.Length > 0 && (offsetText[0] == '+' || offsetText[0] == '-'))
        {
            var sign = offsetText[0] == '-' ? -1 : 1;
            var parts = offsetText[1..].Split(':');
            if (parts.Length <= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours <= 14
                && (parts.Length == 1 || (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60)))
            {
                var minutes = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
                return Fixed(TimeSpan.FromMinutes(sign * ((hours * 60) + minutes)));
            }

            problem = $"'{text}' is not an offset like UTC-5, +03:00 or -05:00 (at most 14 hours)";
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(t);
            return new SourceClock(zone.Id, 0, zone);
        }
        catch (TimeZoneNotFoundException)
        {
            problem = $"'{text}' is neither an offset (UTC-5, +03:00) nor a known time zone id (Europe/Athens, America/New_York)";
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            problem = $"the time zone '{text}' is unreadable on this machine";
            return null;
        }
    }

    /// <summary>UTC milliseconds of a local wall-clock time in milliseconds.</summary>
    public long ToUtcMs(long localMs)
    {
        if (_zone is null)
        {
            return localMs - _fixedOffsetMs;
        }

        var hour = localMs / 3_600_000;
        if (hour != _cachedHour)
        {
            var local = DateTime.SpecifyKind(DateTime.UnixEpoch.AddMilliseconds(hour * 3_600_000), DateTimeKind.Unspecified);
            // An invalid local time (the skipped hour when clocks go forward) takes the offset before the change.
            _cachedOffsetMs = (long)(_zone.IsInvalidTime(local) ? _zone.GetUtcOffset(local.AddHours(-1)) : _zone.GetUtcOffset(local)).TotalMilliseconds;
            _cachedHour = hour;
        }

        return localMs - _cachedOffsetMs;
    }

    public override string ToString() => Name;
}
