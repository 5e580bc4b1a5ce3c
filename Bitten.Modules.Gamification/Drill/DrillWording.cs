using Bitten.Contracts.Users;

namespace Bitten.Modules.Gamification.Drill;

/// <summary>Guidance lines per tone and style; configuration overrides the defaults key by key.</summary>
internal static class DrillWording
{
    private static readonly Dictionary<string, string[]> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Comeback.Harsh"] = ["Better than yesterday. Now do it again tomorrow without excuses."],
        ["Comeback.Balanced"] = ["A clear step up from yesterday: keep the same process tomorrow."],
        ["Comeback.Encouraging"] = ["What a turnaround! Yesterday is behind you — keep this rhythm."],
        ["Rough.Harsh"] = ["No excuses. Review every trade, find the mistake, fix it.", "A rough day. Stick to the plan or stay out."],
        ["Rough.Balanced"] = ["A hard day. Review your entries and stops before the next session.", "Quiet or rough: check your plan before tomorrow."],
        ["Rough.Encouraging"] = ["Every soldier has hard days. Rest, review, return stronger.", "Tomorrow is a new mission. You kept your discipline — that counts."],
        ["Outstanding.Harsh"] = ["Outstanding. Don't let it make you careless tomorrow."],
        ["Outstanding.Balanced"] = ["Excellent execution. Keep risk where it is — no need to press."],
        ["Outstanding.Encouraging"] = ["Outstanding work, soldier! Enjoy it and keep the same discipline."],
        ["Solid.Harsh"] = ["Solid. Solid is the minimum — hold the standard."],
        ["Solid.Balanced"] = ["A solid day. Keep following the plan."],
        ["Solid.Encouraging"] = ["Solid work! Your discipline is paying off."],
        ["Decent.Harsh"] = ["Decent isn't good. Tighten your selection."],
        ["Decent.Balanced"] = ["A decent day. Look at what separated the wins from the losses."],
        ["Decent.Encouraging"] = ["A decent day — there's progress to build on."],
    };

    public static string Style(DrillTone tone) => tone switch
    {
        DrillTone.Harsh => "Harsh",
        DrillTone.Encouraging => "Encouraging",
        _ => "Balanced",
    };

    /// <summary>A line for the tone and style, picked by <paramref name="seed"/> (the day) so re-composing gives the same text.</summary>
    public static string Guidance(ReportTone tone, DrillTone style, int seed, IReadOnlyDictionary<string, string[]> configured)
    {
        var key = $"{tone}.{Style(style)}";
        var pool = configured.TryGetValue(key, out var custom) && custom.Length > 0 ? custom
            : Defaults.TryGetValue(key, out var builtIn) ? builtIn : ["Follow the plan."];
        return pool[Math.Abs(seed) % pool.Length];
    }
}
