using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Gamification;

/// <summary>Configuration of the Gamification module (section <c>Modules:Gamification</c>), validated at start.</summary>
internal sealed class GamificationOptions
{
    public const string SectionName = "Modules:Gamification";

    /// <summary>Switches the whole module off (tests and partial deployments use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>First day (UTC) of season 1; seasons follow each other without gaps.</summary>
    public DateTimeOffset SeasonStart { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Range(7, 366, ErrorMessage = "Modules:Gamification:SeasonLengthDays must be 7-366.")]
    public int SeasonLengthDays { get; set; } = 91;

    [Range(1, 1_000_000, ErrorMessage = "Modules:Gamification:SeasonXpPerLevel must be 1-1000000.")]
    public int SeasonXpPerLevel { get; set; } = 1000;

    [Range(1, 1000, ErrorMessage = "Modules:Gamification:SeasonLevels must be 1-1000.")]
    public int SeasonLevels { get; set; } = 100;

    [Range(1, 1000, ErrorMessage = "Modules:Gamification:MaxReferralsPerDay must be 1-1000.")]
    public int MaxReferralsPerDay { get; set; } = 10;

    /// <summary>How long a user's time zone and drill tone from Users are trusted before asking again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Modules:Gamification:ProfileRefreshInterval must be 0 to 7 days.")]
    public TimeSpan ProfileRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
