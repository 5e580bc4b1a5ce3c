namespace Bitten.Modules.Gamification.Players;

/// <summary>A filled fire as Gamification saw it (<c>FireFilled</c>): counts today's shots for tactics.</summary>
internal sealed class FireFact
{
    public string FireId { get; set; } = string.Empty;

    public long UserId { get; set; }

    public int Side { get; set; }

    public long FilledAtMs { get; set; }
}
