using System.ComponentModel.DataAnnotations;

namespace Bitten.Modules.Gamification.Xp;

/// <summary>XP amounts (section <c>Modules:Gamification:Xp</c>), DOMAIN §11 defaults.</summary>
internal sealed class XpOptions
{
    public const string SectionName = "Modules:Gamification:Xp";

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:FireFilled must be 0-10000.")]
    public int FireFilled { get; set; } = 10;

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:Win must be 0-10000.")]
    public int Win { get; set; } = 25;

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:WinPerFullRAboveOne must be 0-10000.")]
    public int WinPerFullRAboveOne { get; set; } = 5;

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:LossAtOriginalStop must be 0-10000.")]
    public int LossAtOriginalStop { get; set; } = 5;

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:JournalEntry must be 0-10000.")]
    public int JournalEntry { get; set; } = 8;

    [Range(0, 100, ErrorMessage = "Modules:Gamification:Xp:JournalEntriesPerDay must be 0-100.")]
    public int JournalEntriesPerDay { get; set; } = 3;

    [Range(0, 10_000, ErrorMessage = "Modules:Gamification:Xp:CheckIn must be 0-10000.")]
    public int CheckIn { get; set; } = 50;

    [Range(0, 100_000, ErrorMessage = "Modules:Gamification:Xp:StreakMilestoneBonus must be 0-100000.")]
    public int StreakMilestoneBonus { get; set; } = 100;

    [Range(0, 100_000, ErrorMessage = "Modules:Gamification:Xp:ReferralJoin must be 0-100000.")]
    public int ReferralJoin { get; set; } = 100;

    [Range(0, 100_000, ErrorMessage = "Modules:Gamification:Xp:ReferralFirstFire must be 0-100000.")]
    public int ReferralFirstFire { get; set; } = 50;
}
