using Bitten.Contracts.Execution;
using Bitten.Contracts.Missions;
using Bitten.Contracts.Users;
using Bitten.Modules.Execution.AutoFire;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution.Integration;

/// <summary>
/// Auto-fire (DOMAIN §9): for a fireable mission of a user who opted in, whose tier allows it, with win
/// probability ≥ the user's minimum and EV &gt; 0, asks Missions to fire it (Missions' state CAS makes it
/// race safely with a manual fire). The (user, signal) key in <c>auto_fires</c> makes it at most once.
/// </summary>
internal sealed class MissionCreatedHandler(ExecutionDbContext db, IMediator mediator, TimeProvider time, ILogger<MissionCreatedHandler> logger) : INotificationHandler<MissionCreated>
{
    public async Task Handle(MissionCreated mission, CancellationToken cancellationToken)
    {
        try
        {
            await HandleCoreAsync(mission, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AutoFireFailed(logger, mission.MissionId.Value, mission.UserId.Value, ex);
        }
    }

    private async Task HandleCoreAsync(MissionCreated mission, CancellationToken ct)
    {
        if (!mission.Fireable || mission.ExpectedValueR <= 0)
        {
            return;
        }

        var (_, profile) = await mediator.TrySend(new GetUserRiskProfile(mission.UserId), ct);
        if (profile is not { AutoFireEnabled: true } || (decimal)mission.WinProbability < profile.MinWinProbability)
        {
            return;
        }

        var (_, entitlements) = await mediator.TrySend(new GetUserEntitlements(mission.UserId), ct);
        if (entitlements is not { IsActive: true, CanFire: true, AutoFireAllowed: true })
        {
            return;
        }

        var record = new AutoFireRecord { UserId = mission.UserId.Value, SignalId = mission.SignalId.Value, MissionId = mission.MissionId.Value, AtMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
        db.AutoFires.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            return; // already tried for this user and signal
        }

        var (handled, decision) = await mediator.TrySend(new FireMissionCommand(mission.MissionId, mission.UserId, FireSource.AutoFire), ct);
        record.Accepted = decision?.Accepted ?? false;
        record.Reason = handled ? decision?.Reason : "the Missions module is not running";
        await db.SaveChangesAsync(ct);
        await mediator.Publish(new AuditEventOccurred(mission.UserId, "mission.fire", $"mission:{mission.MissionId.Value}",
            record.Accepted ? $"auto-fire accepted, fire {decision!.FireId?.Value}" : $"auto-fire refused: {record.Reason}", "auto-fire", time.GetUtcNow()), ct);
        Log.AutoFire(logger, mission.MissionId.Value, mission.UserId.Value, mission.SignalId.Value, record.Accepted ? "fired " + decision!.FireId : "refused: " + record.Reason);
    }
}
