using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Gamification.Drill;

/// <summary>
/// Daily drill reports (section <c>Modules:Gamification:DrillReport</c>). <see cref="Guidance"/> overrides
/// the built-in guidance lines per <c>{Tone}.{Style}</c> key (e.g. <c>Rough.Harsh</c>); a configured key
/// replaces the built-in list for that key.
/// </summary>
internal sealed class DrillReportOptions
{
    public const string SectionName = "Modules:Gamification:DrillReport";

    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron (UTC) of the job that looks for users whose local report time has passed.</summary>
    [Required(ErrorMessage = "Modules:Gamification:DrillReport:Cron is required.")]
    public string Cron { get; set; } = "0 0/5 * * * ?";

    [Range(0, 23, ErrorMessage = "Modules:Gamification:DrillReport:LocalHour must be 0-23.")]
    public int LocalHour { get; set; } = 18;

    /// <summary>The weekly summary goes out with the report on this local weekday.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Sunday;

    public Dictionary<string, string[]> Guidance { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
