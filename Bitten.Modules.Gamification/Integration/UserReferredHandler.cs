using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Referrals;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>A recruit joined through a referrer's link: referral rules and XP (idempotent per recruit).</summary>
internal sealed class UserReferredHandler(ReferralService referrals) : INotificationHandler<UserReferred>
{
    public Task Handle(UserReferred notification, CancellationToken cancellationToken) =>
        referrals.RecordAsync(notification.Referrer, notification.Recruit, notification.At, cancellationToken);
}
