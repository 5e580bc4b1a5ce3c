namespace Bitten.Modules.Gamification.Xp;

/// <summary>One append-only XP award; the unique key makes replays harmless.</summary>
internal sealed class XpAward
{
    public long Id { get; set; }
public long UserId { get; set; }
public string AwardKey { get; set; } = string.Empty;
public int Amount { get; set; }
public string Reason { get; set; } = string.Empty;
public long CreatedAtMs { get; set; }
}
