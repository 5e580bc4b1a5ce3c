namespace Bitten.Modules.Gamification.Drill;

/// <summary>The mood of a day's drill report, chosen from the day's record. Values never renumbered.</summary>
internal enum ReportTone
{
    Unknown = 0,
    Comeback = 1,
    Rough = 2,
    Outstanding = 3,
    Solid = 4,
    Decent = 5,
}
