using Bitten.Contracts.Users;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Integration;

/// <summary>
/// GDPR: Execution's part of a user's export (terminals, fires with their timelines, positions, auto-fire
/// decisions) and erasure (all of those rows deleted). Idempotent.
/// </summary>
internal sealed class UserDataHandlers(ExecutionDbContext db) :
    INotificationHandler<UserDataExportRequested>,
    INotificationHandler<UserErasureRequested>
{
    public async Task Handle(UserDataExportRequested notification, CancellationToken cancellationToken)
    {
        var user = notification.UserId.Value;
        var eaIds = await db.Eas.AsNoTracking().Where(e => e.UserId == user).Select(e => e.EaId).ToListAsync(cancellationToken);
        var fireIds = await db.Fires.AsNoTracking().Where(f => f.UserId == user).Select(f => f.FireId).ToListAsync(cancellationToken);
        notification.Export.Add("execution", new
        {
            terminals = await db.Eas.AsNoTracking().Where(e => e.UserId == user).ToListAsync(cancellationToken),
            fires = await db.Fires.AsNoTracking().Where(f => f.UserId == user).OrderBy(f => f.CreatedAtMs).ToListAsync(cancellationToken),
            fire_events = await db.FireEvents.AsNoTracking().Where(e => fireIds.Contains(e.FireId)).OrderBy(e => e.Id).ToListAsync(cancellationToken),
            positions = await db.EaPositions.AsNoTracking().Where(p => eaIds.Contains(p.EaId)).ToListAsync(cancellationToken),
            auto_fires = await db.AutoFires.AsNoTracking().Where(a => a.UserId == user).ToListAsync(cancellationToken),
        });
    }

    public async Task Handle(UserErasureRequested notification, CancellationToken cancellationToken)
    {
        var user = notification.UserId.Value;
        var eaIds = await db.Eas.AsNoTracking().Where(e => e.UserId == user).Select(e => e.EaId).ToListAsync(cancellationToken);
        var fireIds = await db.Fires.AsNoTracking().Where(f => f.UserId == user).Select(f => f.FireId).ToListAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FireEvents.Where(e => fireIds.Contains(e.FireId)).ExecuteDeleteAsync(cancellationToken);
        await db.Outbox.Where(o => fireIds.Contains(o.FireId)).ExecuteDeleteAsync(cancellationToken);
        await db.EaPositions.Where(p => eaIds.Contains(p.EaId)).ExecuteDeleteAsync(cancellationToken);
        await db.EaSymbols.Where(s => eaIds.Contains(s.EaId)).ExecuteDeleteAsync(cancellationToken);
        await db.AutoFires.Where(a => a.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Fires.Where(f => f.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Eas.Where(e => e.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
