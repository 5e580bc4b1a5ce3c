using Bitten.Contracts.Users;
using Bitten.Modules.Gamification.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Gamification.Integration;

/// <summary>
/// GDPR: Gamification's part of a user's export (XP ledger, streak and profile, tactic choices, the notebook,
/// referrals, fire and trade facts) and erasure (all of those rows deleted). Idempotent.
/// </summary>
internal sealed class UserDataHandlers(GamificationDbContext db) :
    INotificationHandler<UserDataExportRequested>,
    INotificationHandler<UserErasureRequested>
{
    public async Task Handle(UserDataExportRequested notification, CancellationToken cancellationToken)
    {
        var user = notification.UserId.Value;
        notification.Export.Add("gamification", new
        {
            profile = await db.Users.AsNoTracking().Where(u => u.UserId == user).ToListAsync(cancellationToken),
            xp_ledger = await db.XpLedger.AsNoTracking().Where(x => x.UserId == user).OrderBy(x => x.Id).ToListAsync(cancellationToken),
            tactic_choices = await db.TacticChoices.AsNoTracking().Where(t => t.UserId == user).ToListAsync(cancellationToken),
            notebook = await db.Journal.AsNoTracking().Where(j => j.UserId == user).OrderBy(j => j.Id).ToListAsync(cancellationToken),
            referrals = await db.Referrals.AsNoTracking().Where(r => r.RecruitId == user || r.ReferrerId == user).ToListAsync(cancellationToken),
            fires = await db.Fires.AsNoTracking().Where(f => f.UserId == user).ToListAsync(cancellationToken),
            trades = await db.Trades.AsNoTracking().Where(t => t.UserId == user).ToListAsync(cancellationToken),
        });
    }

    public async Task Handle(UserErasureRequested notification, CancellationToken cancellationToken)
    {
        var user = notification.UserId.Value;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.XpLedger.Where(x => x.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.TacticChoices.Where(t => t.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Journal.Where(j => j.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Referrals.Where(r => r.RecruitId == user || r.ReferrerId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Fires.Where(f => f.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Trades.Where(t => t.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.UserId == user).ExecuteDeleteAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }
}
