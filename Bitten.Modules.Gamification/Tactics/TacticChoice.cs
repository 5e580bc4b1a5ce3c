namespace Bitten.Modules.Gamification.Tactics;

/// <summary>The tactic a user chose for one of their local days (one choice per day).</summary>
internal sealed class TacticChoice
{
    public long UserId { get; set; }

    /// <summary>User-local date, yyyy-MM-dd.</summary>
    public string LocalDate { get; set; } = string.Empty;

    public string Tactic { get; set; } = string.Empty;

    public long ChosenAtMs { get; set; }
}
