using Bitten.Contracts.Users;
using Bitten.Modules.Missions.Api;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Integration;

/// <summary>GDPR: Missions' part of a user's export (every mission) and erasure (every mission deleted). Idempotent.</summary>
internal sealed class UserDataHandlers(MissionsDbContext db) :
    INotificationHandler<UserDataExportRequested>,
    INotificationHandler<UserErasureRequested>
{
    public async Task Handle(UserDataExportRequested notification, CancellationToken cancellationToken)
    {
        var user = notification.UserId.Value;
        var missions = await db.Missions.AsNoTracking().Where(m => m.UserId == user).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        notification.Export.Add("missions", new
        {
            missions = missions.Select(m => new
            {
                m.Id,
                m.SignalId,
                status = MissionJson.StatusName(m.Status),
                m.Symbol,
                m.Pattern,
                m.Entry,
                m.StopLoss,
                m.TakeProfit,
                m.Volume,
                m.RiskMoney,
                m.RewardMoney,
                m.AccountCurrency,
                m.Balance,
                m.RiskPercent,
                m.Fireable,
                m.NotFireableReason,
                m.FireId,
                m.CreatedAtMs,
                m.ExpiresAtMs,
                m.UpdatedAtMs,
            }),
        });
    }

    public Task Handle(UserErasureRequested notification, CancellationToken cancellationToken) =>
        db.Missions.Where(m => m.UserId == notification.UserId.Value).ExecuteDeleteAsync(cancellationToken);
}
