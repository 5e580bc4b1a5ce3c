namespace Bitten.Modules.Gamification.Achievements;

/// <summary>Achievements, their thresholds per level and the XP bonus of each level (DOMAIN §11).</summary>
internal static class AchievementRules
{
    public const string FirstFire = "FIRST_FIRE";
    public const string Wins = "WINS";
    public const string Streak = "STREAK";
    public const string Journal = "JOURNAL";
    public const string Disciplined = "DISCIPLINED";
    public const string Sharpshooter = "SHARPSHOOTER";

    /// <summary>Thresholds in level order: the first is Bronze, the second Silver, and so on.</summary>
    public static readonly IReadOnlyDictionary<string, int[]> Thresholds = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        [FirstFire] = [1],
        [Wins] = [1, 10, 50, 100, 500],
        [Streak] = [7, 30, 90, 180, 365],
        [Journal] = [10, 50, 100],
        [Disciplined] = [20],
        [Sharpshooter] = [10],
    };

    public static int BonusXp(AchievementLevel level) => level switch
    {
        AchievementLevel.Bronze => 25,
        AchievementLevel.Silver => 50,
        AchievementLevel.Gold => 100,
        AchievementLevel.Platinum => 250,
        AchievementLevel.Master => 500,
        _ => 0,
    };

    /// <summary>Every level of <paramref name="code"/> reached at <paramref name="count"/>, lowest first.</summary>
    public static IReadOnlyList<AchievementLevel> LevelsReached(string code, int count)
    {
        var thresholds = Thresholds[code];
        var reached = new List<AchievementLevel>();
        for (var i = 0; i < thresholds.Length; i++)
        {
            if (count >= thresholds[i])
            {
                reached.Add((AchievementLevel)(i + 1));
            }
        }

        return reached;
    }
}
