using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>A mission as its owner sees it; null for someone else's mission (its existence is not revealed).</summary>
internal sealed class GetMissionHandler(MissionsDbContext db) : IRequestHandler<GetMission, MissionView?>
{
    public async Task<MissionView?> Handle(GetMission request, CancellationToken cancellationToken)
    {
        var id = request.MissionId.Value;
        var user = request.UserId.Value;
        var m = await db.Missions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.UserId == user, cancellationToken);
        return m is null ? null : ToView(m);
    }

    public static MissionView ToView(MissionRecord m) => new(
        new MissionId(m.Id), new UserId(m.UserId), new SignalId(m.SignalId), m.Symbol, (Side)m.Side, m.Entry, m.StopLoss, m.TakeProfit,
        m.Volume, m.RiskMoney, (MissionStatus)m.Status, m.WinProbability, m.ExpectedValueR, m.Confidence, m.Fireable,
        DateTimeOffset.FromUnixTimeMilliseconds(m.ExpiresAtMs));
}
