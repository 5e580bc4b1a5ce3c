using Bitten.Contracts.Common;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// Every 5 seconds: PENDING missions past <c>expires_at</c> → EXPIRED, each by compare-and-set (a fire that
/// won the race keeps its mission), in batches of one transaction each so the write lock is held briefly.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ExpirySweepJob(MissionsDbContext db, MissionTransitions transitions, TimeProvider time, IOptions<MissionsOptions> options, ILogger<ExpirySweepJob> logger) : IJob
{
    public Task Execute(IJobExecutionContext context) => SweepAsync(context.CancellationToken);

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var expired = 0;
        while (true)
        {
            var due = await db.Missions.AsNoTracking()
                .Where(m => m.Status == (int)MissionStatus.Pending && m.ExpiresAtMs <= nowMs)
                .OrderBy(m => m.ExpiresAtMs)
                .Select(m => new { m.Id, m.UserId })
                .Take(options.Value.ExpirySweepBatch)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                break;
            }

            var changes = new List<Contracts.Missions.MissionStateChanged>(due.Count);
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                foreach (var mission in due)
                {
                    var changed = await transitions.TryMoveUnannouncedAsync(mission.Id, mission.UserId, MissionStatus.Pending, MissionStatus.Expired,
                        TransitionDetails.None, cancellationToken);
                    if (changed is not null)
                    {
                        changes.Add(changed);
                    }
                }

                await transaction.CommitAsync(cancellationToken);
            }

            // Announced only once stored: a listener never sees a change that a failed commit undid.
            foreach (var changed in changes)
            {
                await transitions.AnnounceAsync(changed, cancellationToken);
            }

            expired += changes.Count;

            if (due.Count < options.Value.ExpirySweepBatch)
            {
                break;
            }
        }

        if (expired > 0)
        {
            Log.Expired(logger, expired);
        }

        return expired;
    }
}
