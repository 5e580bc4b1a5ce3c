using Bitten.Contracts.Common;

namespace Bitten.Modules.Gamification.Tactics;

/// <summary>
/// The daily tactics (DOMAIN §9): unlock XP and the shot limits each enforces. TCS (Confidence) is 0-100.
/// TACTICAL_COMMAND allows "1 fire at TCS ≥ 95 or 6 fires at TCS ≥ 80": a check cannot know which fills
/// it will lead to, so a shot needs TCS ≥ 80 while fewer than 6 fills stand today — the one 95 shot is one of those.
/// </summary>
internal static class TacticRules
{
    public const string LoneWolf = "LONE_WOLF";
    public const string FirstBlood = "FIRST_BLOOD";
    public const string DoubleTap = "DOUBLE_TAP";
    public const string TacticalCommand = "TACTICAL_COMMAND";

    public static readonly IReadOnlyList<(string Name, long UnlockXp)> All =
        [(LoneWolf, 0), (FirstBlood, 120), (DoubleTap, 240), (TacticalCommand, 360)];

    private static readonly double[] FirstBloodSteps = [75, 78, 80, 85];

    public static bool IsKnown(string tactic) => All.Any(t => t.Name == tactic);

    public static bool IsUnlocked(string tactic, long earnedXp) => All.Any(t => t.Name == tactic && earnedXp >= t.UnlockXp);

    public static int MaxShots(string tactic) => tactic switch
    {
        FirstBlood => 4,
        DoubleTap => 2,
        TacticalCommand => 6,
        _ => 4,
    };

    /// <summary>Shots left today (FIRST_BLOOD stops after its 2nd win).</summary>
    public static int Remaining(string tactic, TacticDay day) =>
        tactic == FirstBlood && day.Wins >= 2 ? 0 : Math.Max(0, MaxShots(tactic) - day.Fills);

    /// <summary>Null when the shot is allowed, else the reason (names the rule and the numbers).</summary>
    public static string? Refusal(string tactic, TacticDay day, double confidence, Side side)
    {
        if (Remaining(tactic, day) == 0)
        {
            return tactic == FirstBlood && day.Wins >= 2
                ? "FIRST_BLOOD stops after 2 wins today"
                : $"{tactic} allows {MaxShots(tactic)} fires a day; {day.Fills} already filled";
        }

        return tactic switch
        {
            FirstBlood when confidence < FirstBloodSteps[day.Fills] =>
                $"FIRST_BLOOD shot {day.Fills + 1} needs TCS ≥ {FirstBloodSteps[day.Fills]} (got {confidence:0.#})",
            DoubleTap when confidence < 85 => $"DOUBLE_TAP needs TCS ≥ 85 (got {confidence:0.#})",
            DoubleTap when day.FirstSide is { } first && first != side => $"DOUBLE_TAP second shot must be {first} like the first",
            TacticalCommand when confidence < 80 => $"TACTICAL_COMMAND needs TCS ≥ 80 (≥ 95 for a single shot) (got {confidence:0.#})",
            LoneWolf when confidence < 74 => $"LONE_WOLF needs TCS ≥ 74 (got {confidence:0.#})",
            _ => null,
        };
    }
}
