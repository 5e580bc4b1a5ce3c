using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution.Integration;

/// <summary>
/// Auto-fire (DOMAIN §9): for a fireable mission of a user who opted in, whose tier allows it, with win
/// probability ≥ the user's minimum and EV &gt; 0, asks Missions to fire it (Missions' state CAS makes it
/// race safely with a manual fire). One batch of missions costs one <see cref="GetUserRiskProfiles"/> request;
/// only the users who opted in and pass their threshold are then looked at one by one. The (user, signal) key of
/// <c>auto_fires</c>, claimed with <c>INSERT … ON CONFLICT DO NOTHING</c>, makes it at most once and a replayed
/// batch silent.
/// </summary>
internal sealed class MissionsCreatedHandler(ExecutionDbContext db, IMediator mediator, TimeProvider time, ILogger<MissionsCreatedHandler> logger) : INotificationHandler<MissionsCreated>
{
    public async Task Handle(MissionsCreated batch, CancellationToken cancellationToken)
    {
        var worth = batch.Missions.Where(m => m.Fireable && m.ExpectedValueR > 0).ToList();
        if (worth.Count == 0)
        {
            return;
        }

        IReadOnlyList<UserRiskProfile>? profiles;
        try
        {
            (_, profiles) = await mediator.TrySend(new GetUserRiskProfiles([.. worth.Select(m => m.UserId).Distinct()]), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AutoFireBatchFailed(logger, batch.SignalId.Value, worth.Count, ex);
            return;
        }

        if (profiles is null)
        {
            return; // the Users module is not running: nobody has opted in
        }

        var byUser = profiles.Where(p => p.AutoFireEnabled).ToDictionary(p => p.UserId.Value);
        foreach (var mission in worth)
        {
            if (!byUser.TryGetValue(mission.UserId.Value, out var profile) || (decimal)mission.WinProbability < profile.MinWinProbability)
            {
                continue;
            }

            try
            {
                await AutoFireAsync(mission, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                Log.AutoFireFailed(logger, mission.MissionId.Value, mission.UserId.Value, ex);
            }
        }
    }

    private async Task AutoFireAsync(MissionCreated mission, CancellationToken ct)
    {
        var (_, entitlements) = await mediator.TrySend(new GetUserEntitlements(mission.UserId), ct);
        if (entitlements is not { IsActive: true, CanFire: true, AutoFireAllowed: true })
        {
            return;
        }

        var userId = mission.UserId.Value;
        var signalId = mission.SignalId.Value;
        var missionId = mission.MissionId.Value;
        var atMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO auto_fires (user_id, signal_id, mission_id, at_ms, accepted, reason) VALUES ({userId}, {signalId}, {missionId}, {atMs}, 0, NULL) ON CONFLICT (user_id, signal_id) DO NOTHING",
            ct);
        if (claimed == 0)
        {
            return; // already tried for this user and signal
        }

        var (handled, decision) = await mediator.TrySend(new FireMissionCommand(mission.MissionId, mission.UserId, FireSource.AutoFire), ct);
        var accepted = decision?.Accepted ?? false;
        var reason = handled ? decision?.Reason : "the Missions module is not running";
        await db.AutoFires.Where(a => a.UserId == userId && a.SignalId == signalId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Accepted, accepted).SetProperty(a => a.Reason, reason), ct);
        await mediator.Publish(new AuditEventOccurred(mission.UserId, "mission.fire", $"mission:{missionId}",
            accepted ? $"auto-fire accepted, fire {decision!.FireId?.Value}" : $"auto-fire refused: {reason}", "auto-fire", time.GetUtcNow()), ct);
        Log.AutoFire(logger, missionId, userId, signalId, accepted ? "fired " + decision!.FireId : "refused: " + reason);
    }
}
