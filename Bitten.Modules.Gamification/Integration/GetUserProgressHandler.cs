using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Progress;
using MediatR;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>The bot's /me and the HUD ask for a user's standing.</summary>
internal sealed class GetUserProgressHandler(ProgressService progress) : IRequestHandler<GetUserProgress, UserProgress>
{
    public async Task<UserProgress> Handle(GetUserProgress request, CancellationToken cancellationToken)
    {
        var view = await progress.GetAsync(request.UserId, cancellationToken);
        return new UserProgress(request.UserId, view.Xp, view.Rank, view.NextRankXp, view.StreakDays, view.Tactic, view.SeasonLevel);
    }
}
