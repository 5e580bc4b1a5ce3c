using Bitten.Contracts.Execution;
using Bitten.Modules.Gamification.Trading;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>A filled fire: stored (tactics count it), +XP once per fire id.</summary>
internal sealed class FireFilledHandler(TradeFacts facts) : INotificationHandler<FireFilled>
{
    public Task Handle(FireFilled notification, CancellationToken cancellationToken) => facts.RecordFillAsync(notification, cancellationToken);
}
