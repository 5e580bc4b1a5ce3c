using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Execution.Api;

/// <summary>The fires of the given missions and the mission state each implies (Missions' crash reconciliation).</summary>
internal sealed class GetMissionFiresHandler(ExecutionDbContext db) : IRequestHandler<GetMissionFires, IReadOnlyList<MissionFire>>
{
    /// <summary>More ids than this per request are refused: the caller pages.</summary>
    public const int MaxMissions = 1_000;

    public async Task<IReadOnlyList<MissionFire>> Handle(GetMissionFires request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MissionIds.Count > MaxMissions)
        {
            throw new ArgumentException($"at most {MaxMissions} missions per request", nameof(request));
        }

        var ids = request.MissionIds.Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var fires = await db.Fires.AsNoTracking().Where(f => ids.Contains(f.MissionId)).ToListAsync(cancellationToken);
        return [.. fires.Select(ToMissionFire)];
    }

    internal static MissionFire ToMissionFire(FireRecord f) => new(
        new MissionId(f.MissionId),
        new FireId(f.FireId),
        f.Status switch
        {
            FireStatus.Queued => MissionStatus.Firing,
            FireStatus.Sent => MissionStatus.Sent,
            FireStatus.Filled => MissionStatus.Filled,
            FireStatus.Closed => MissionStatus.Closed,
            FireStatus.Rejected => MissionStatus.Rejected,
            FireStatus.Unconfirmed => MissionStatus.Unconfirmed,
            _ => MissionStatus.Failed,
        },
        f.Message ?? (f.Status == FireStatus.Closed && f.CloseReason is { } reason ? ((CloseReason)reason).ToString() : null),
        f.FillPrice,
        f.FilledVolume,
        f.Profit,
        f.RMultiple,
        f.Result is { } result ? (TradeResult)result : null,
        f.ClosedAtMs is { } closed ? DateTimeOffset.FromUnixTimeMilliseconds(closed) : null);
}
