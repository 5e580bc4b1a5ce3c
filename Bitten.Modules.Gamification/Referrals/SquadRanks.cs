namespace Bitten.Modules.Gamification.Referrals;

/// <summary>Squad ranks by recruits (DOMAIN §11).</summary>
internal static class SquadRanks
{
    private static readonly (string Name, int Recruits)[] Table =
    [
        ("BRIGADE_GENERAL", 100), ("BATTALION_COMMANDER", 50), ("COMPANY_COMMANDER", 25), ("PLATOON_SERGEANT", 10),
        ("SQUAD_LEADER", 5), ("TEAM_LEADER", 1), ("LONE_WOLF", 0),
    ];

    public static string For(int recruits) => Table.First(t => recruits >= t.Recruits).Name;
}
