using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>Answers <see cref="ListOpenMissions"/>: the user's PENDING, unexpired missions, newest first.</summary>
internal sealed class ListOpenMissionsHandler(MissionsDbContext db, TimeProvider time) : IRequestHandler<ListOpenMissions, IReadOnlyList<MissionView>>
{
    public async Task<IReadOnlyList<MissionView>> Handle(ListOpenMissions request, CancellationToken cancellationToken)
    {
        var user = request.UserId.Value;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await db.Missions.AsNoTracking()
            .Where(m => m.UserId == user && m.Status == (int)MissionStatus.Pending && m.ExpiresAtMs > nowMs)
            .OrderByDescending(m => m.CreatedAtMs)
            .Take(Math.Clamp(request.Limit, 1, 50))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(GetMissionHandler.ToView)];
    }
}
