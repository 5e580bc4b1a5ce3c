namespace Bitten.Modules.Gamification.Progress;

/// <summary>Ranks by lifetime earned XP (DOMAIN §11); spending in the shop never lowers a rank.</summary>
internal static class Ranks
{
    public static readonly IReadOnlyList<(string Name, long Xp)> Table =
    [
        ("RECRUIT", 0), ("PRIVATE", 100), ("CORPORAL", 500), ("SERGEANT", 1_000), ("LIEUTENANT", 2_500),
        ("CAPTAIN", 5_000), ("MAJOR", 10_000), ("COLONEL", 25_000), ("GENERAL", 50_000), ("COMMANDER", 100_000),
    ];

    /// <summary>The rank held at <paramref name="earnedXp"/> and the XP of the next rank (the top rank's own XP at the top).</summary>
    public static (string Rank, long RankXp, long NextRankXp, string? NextRank) For(long earnedXp)
    {
        var index = 0;
        for (var i = 0; i < Table.Count; i++)
        {
            if (earnedXp >= Table[i].Xp)
            {
                index = i;
            }
        }

        var next = index + 1 < Table.Count ? Table[index + 1] : Table[index];
        return (Table[index].Name, Table[index].Xp, next.Xp, index + 1 < Table.Count ? next.Name : null);
    }
}
