using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// Fires a mission for its owner: owner, state, expiry and fireability checks, then PENDING → FIRING by
/// compare-and-set (exactly one of concurrent presses wins), then Execution's <see cref="FireMission"/>.
/// A refusal (or Execution not running) moves the mission back to PENDING; an acceptance stores the fire id.
/// </summary>
internal sealed class FireMissionCommandHandler(
    MissionsDbContext db,
    MissionTransitions transitions,
    Requests requests,
    TimeProvider time,
    FiresInFlight inFlight,
    MissionsMetrics metrics,
    ILogger<FireMissionCommandHandler> logger) : IRequestHandler<FireMissionCommand, FireDecision>
{
    public async Task<FireDecision> Handle(FireMissionCommand request, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(request, cancellationToken);
        metrics.Fires.Add(1, new KeyValuePair<string, object?>("outcome", decision.Accepted ? "accepted" : decision.Refusal.ToString()));
        if (decision.Accepted)
        {
            Log.FireAccepted(logger, request.MissionId.Value, request.UserId.Value, request.Source.ToString(), decision.FireId!.Value.Value);
        }
        else
        {
            Log.FireRefused(logger, request.MissionId.Value, request.UserId.Value, request.Source.ToString(), decision.Refusal.ToString(), decision.Reason);
        }

        return decision;
    }

    private async Task<FireDecision> DecideAsync(FireMissionCommand request, CancellationToken cancellationToken)
    {
        var id = request.MissionId.Value;
        var mission = await db.Missions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mission is null)
        {
            return FireDecision.Refuse(FireRefusal.NotFound, $"there is no mission {id}");
        }

        if (mission.UserId != request.UserId.Value)
        {
            return FireDecision.Refuse(FireRefusal.NotOwner, "this mission belongs to another user");
        }

        var refusal = StateRefusal(mission);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        if (now.ToUnixTimeMilliseconds() >= mission.ExpiresAtMs)
        {
            await transitions.TryMoveAsync(id, mission.UserId, MissionStatus.Pending, MissionStatus.Expired, new TransitionDetails("expired before it was fired"), cancellationToken);
            return Expired(mission);
        }

        if (!requests.IsHandled<FireMission, FireDecision>())
        {
            return FireDecision.Refuse(FireRefusal.TerminalOffline, "execution is not running: fires cannot be sent now");
        }

        // In flight from before the move to FIRING until the outcome is stored: the FIRING reconciliation never touches it meanwhile.
        using var flight = inFlight.Begin(id);
        if (!await transitions.TryMoveAsync(id, mission.UserId, MissionStatus.Pending, MissionStatus.Firing, new TransitionDetails(Source: request.Source), cancellationToken))
        {
            // Someone else moved it first (another press, auto-fire, the expiry sweep): say what it is now.
            var latest = await db.Missions.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
            return StateRefusal(latest) ?? FireDecision.Refuse(FireRefusal.AlreadyFired, "this mission is already being fired");
        }

        FireDecision decision;
        try
        {
            decision = (await requests.TrySendAsync<FireMission, FireDecision>(new FireMission(
                new MissionId(mission.Id), new UserId(mission.UserId), new SignalId(mission.SignalId), mission.Symbol, (Side)mission.Side,
                mission.Volume, mission.Entry, mission.StopLoss, mission.TakeProfit, mission.RiskMoney, mission.Confidence,
                DateTimeOffset.FromUnixTimeMilliseconds(mission.ExpiresAtMs), request.Source), cancellationToken)).Response
                ?? FireDecision.Refuse(FireRefusal.TerminalOffline, "execution is not running: fires cannot be sent now");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FireErrored(logger, id, mission.UserId, ex);
            decision = FireDecision.Refuse(FireRefusal.TerminalOffline, "execution could not take the fire; try again");
        }

        if (!decision.Accepted || decision.FireId is null)
        {
            if (decision.Accepted)
            {
                decision = FireDecision.Refuse(FireRefusal.TerminalOffline, "execution accepted the fire without a fire id; try again");
            }

            await transitions.TryMoveAsync(id, mission.UserId, MissionStatus.Firing, MissionStatus.Pending,
                new TransitionDetails($"fire refused ({decision.Refusal}): {decision.Reason}"), cancellationToken);
            return decision;
        }

        var fireId = decision.FireId.Value.Value;
        await db.Missions.Where(m => m.Id == id && m.FireId == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.FireId, fireId), cancellationToken);
        return decision;
    }

    /// <summary>Why a mission in its current state cannot be fired, or null when it is PENDING and fireable.</summary>
    private static FireDecision? StateRefusal(MissionRecord mission)
    {
        var status = (MissionStatus)mission.Status;
        if (!mission.Fireable || status == MissionStatus.ViewOnly)
        {
            var code = (FireRefusal)mission.NotFireableCode;
            return FireDecision.Refuse(code == FireRefusal.None ? FireRefusal.NotPermitted : code, mission.NotFireableReason ?? "this mission is view-only");
        }

        return status switch
        {
            MissionStatus.Pending => null,
            MissionStatus.Expired => Expired(mission),
            MissionStatus.Skipped => FireDecision.Refuse(FireRefusal.NotPermitted, "you skipped this mission"),
            _ when MissionStateRules.IsFiredOrLater(status) => FireDecision.Refuse(FireRefusal.AlreadyFired, $"this mission was already fired (now {status.ToString().ToUpperInvariant()})"),
            _ => FireDecision.Refuse(FireRefusal.NotPermitted, $"a mission in state {status} cannot be fired"),
        };
    }

    private static FireDecision Expired(MissionRecord mission) =>
        FireDecision.Refuse(FireRefusal.Expired, $"this mission expired at {DateTimeOffset.FromUnixTimeMilliseconds(mission.ExpiresAtMs):HH:mm:ss} UTC");
}
