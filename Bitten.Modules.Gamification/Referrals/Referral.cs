namespace Bitten.Modules.Gamification.Referrals;

/// <summary>A recruit joined through a referrer's link; a recruit has at most one referrer.</summary>
internal sealed class Referral
{
    public long RecruitId { get; set; }

    public long ReferrerId { get; set; }

    public long ReferredAtMs { get; set; }
}
