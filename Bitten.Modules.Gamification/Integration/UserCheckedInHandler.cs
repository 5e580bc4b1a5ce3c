using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Streaks;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>A check-in (HUD or bot) counts a streak day; idempotent per user-local day.</summary>
internal sealed class UserCheckedInHandler(CheckInService checkIns) : INotificationHandler<UserCheckedIn>
{
    public Task Handle(UserCheckedIn notification, CancellationToken cancellationToken) =>
        checkIns.CheckInAsync(notification.UserId, notification.At, cancellationToken);
}
