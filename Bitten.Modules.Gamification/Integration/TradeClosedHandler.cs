using Bitten.Contracts.Execution;
using Bitten.Modules.Gamification.Trading;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>A closed trade: stored (reports, win streaks, R leaderboard), WIN or disciplined-LOSS XP once per fire id.</summary>
internal sealed class TradeClosedHandler(TradeFacts facts) : INotificationHandler<TradeClosed>
{
    public Task Handle(TradeClosed notification, CancellationToken cancellationToken) => facts.RecordCloseAsync(notification, cancellationToken);
}
