namespace Bitten.Modules.Gamification.Players;

/// <summary>A user known to gamification (checked in or traded): time zone, report tone, streak and leaderboard choice.</summary>
internal sealed class GameUser
{
    public long UserId { get; set; }

    /// <summary>IANA id from Users (<c>GetUserRiskProfile</c>); UTC when unknown.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary><see cref="Bitten.Contracts.Users.DrillTone"/> as stored.</summary>
    public int DrillTone { get; set; }

    public int StreakDays { get; set; }

    /// <summary>User-local date (yyyy-MM-dd) of the last counted check-in.</summary>
    public string? LastCheckInDate { get; set; }

    public long LastCheckInAtMs { get; set; }

    /// <summary>User-local month (yyyy-MM) in which the free streak protection was used.</summary>
    public string? ProtectionUsedMonth { get; set; }

    /// <summary>User-local date of the last daily drill report handled (sent or skipped).</summary>
    public string? LastDrillReportDate { get; set; }

    public bool LeaderboardOptIn { get; set; }

    public string? DisplayName { get; set; }

    public long ProfileRefreshedAtMs { get; set; }

    public long CreatedAtMs { get; set; }
}
