namespace Bitten.Modules.Gamification.Referrals;

/// <summary>What happened to one referral.</summary>
internal enum ReferralOutcome
{
    Unknown = 0,
    Counted = 1,
    AlreadyCounted = 2,
    RecruitTaken = 3,
    SelfReferral = 4,
    DailyLimit = 5,
}
