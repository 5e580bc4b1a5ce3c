using Bitten.Contracts.Gamification;
using Bitten.Modules.Gamification.Tactics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>Execution asks before a fire whether today's tactic allows it.</summary>
internal sealed class CheckTacticHandler(TacticService tactics, ILogger<CheckTacticHandler> logger) : IRequestHandler<CheckTactic, TacticCheck>
{
    public async Task<TacticCheck> Handle(CheckTactic request, CancellationToken cancellationToken)
    {
        var (tactic, day) = await tactics.TodayAsync(request.UserId, request.At, cancellationToken);
        var refusal = TacticRules.Refusal(tactic, day, request.Confidence, request.Side);
        if (refusal is not null)
        {
            Log.TacticRefused(logger, request.UserId.Value, tactic, refusal);
        }

        return new TacticCheck(refusal is null, tactic, refusal);
    }
}
