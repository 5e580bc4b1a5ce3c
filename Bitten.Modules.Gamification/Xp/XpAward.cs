namespace Bitten.Modules.Gamification.Xp;

/// <summary>One append-only XP row (an award, or a negative shop spend); the unique key makes replays harmless.</summary>
internal sealed class XpAward
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string AwardKey { get; set; } = string.Empty;

    public int Amount { get; set; }

    public string Reason { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }

    /// <summary>What the award is for (fire id, entry id, item code, achievement code:level ...); added by a later migration, so last.</summary>
    public string? SourceId { get; set; }
}
