namespace Bitten.Modules.Gamification.Players;

/// <summary>A closed trade as Gamification saw it (<c>TradeClosed</c>): wins, streaks of wins, drill reports, R leaderboard.</summary>
internal sealed class TradeFact
{
    public string FireId { get; set; } = string.Empty;

    public long UserId { get; set; }

    public int Result { get; set; }

    public double RMultiple { get; set; }

    public bool AtOriginalStop { get; set; }

    public long ClosedAtMs { get; set; }
}
