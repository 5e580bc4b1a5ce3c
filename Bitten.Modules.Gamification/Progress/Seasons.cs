namespace Bitten.Modules.Gamification.Progress;

/// <summary>Battle-pass seasons: back-to-back windows from a start date; a level per N XP earned inside the season.</summary>
internal static class Seasons
{
    public static (int Number, DateTimeOffset Start, DateTimeOffset End) At(DateTimeOffset now, GamificationOptions options)
    {
        var length = TimeSpan.FromDays(options.SeasonLengthDays);
        var index = now < options.SeasonStart ? 0 : (int)((now - options.SeasonStart).Ticks / length.Ticks);
        var start = options.SeasonStart + (length * index);
        return (index + 1, start, start + length);
    }

    public static int Level(long seasonXp, GamificationOptions options) =>
        (int)Math.Clamp(seasonXp / options.SeasonXpPerLevel, 0, options.SeasonLevels);

    /// <summary>Reward levels reached: every 5th on the free track, every 10th on the paid track.</summary>
    public static (IReadOnlyList<int> Free, IReadOnlyList<int> Paid) Rewards(int level) =>
        ([.. Enumerable.Range(1, level / 5).Select(i => i * 5)], [.. Enumerable.Range(1, level / 10).Select(i => i * 10)]);
}
