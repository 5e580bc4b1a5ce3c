using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>Answers <see cref="GetTradeHistory"/> from the user's FILLED and CLOSED missions (fill and result are recorded on them).</summary>
internal sealed class GetTradeHistoryHandler(MissionsDbContext db) : IRequestHandler<GetTradeHistory, TradeHistory>
{
    public async Task<TradeHistory> Handle(GetTradeHistory request, CancellationToken cancellationToken)
    {
        var user = request.UserId.Value;
        var sinceMs = request.Since.ToUnixTimeMilliseconds();
        var closed = await db.Missions.AsNoTracking()
            .Where(m => m.UserId == user && m.Status == (int)MissionStatus.Closed && m.ClosedAtMs >= sinceMs)
            .OrderBy(m => m.ClosedAtMs)
            .ToListAsync(cancellationToken);
        var open = await db.Missions.AsNoTracking()
            .Where(m => m.UserId == user && m.Status == (int)MissionStatus.Filled)
            .OrderBy(m => m.UpdatedAtMs)
            .ToListAsync(cancellationToken);
        return new TradeHistory(
            [.. closed.Select(m => new ClosedTrade(new MissionId(m.Id), m.Symbol, (Side)m.Side, m.Pattern, m.FilledVolume ?? m.Volume, m.Profit ?? 0m,
                m.AccountCurrency, m.ResultR ?? 0, DateTimeOffset.FromUnixTimeMilliseconds(m.ClosedAtMs ?? m.UpdatedAtMs)))],
            [.. open.Select(m => new OpenTrade(new MissionId(m.Id), m.Symbol, (Side)m.Side, m.Pattern, m.FilledVolume ?? m.Volume, m.FillPrice ?? m.Entry,
                m.StopLoss, m.TakeProfit, m.RiskMoney, m.AccountCurrency, DateTimeOffset.FromUnixTimeMilliseconds(m.UpdatedAtMs)))]);
    }
}
