using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Announces again any mission that was stored but not marked announced <c>ReannounceAfterSeconds</c> ago
/// (the process died between the insert and the announcement, or the mark failed) and has not expired, so
/// no user loses an alert to a crash. Announced as one <see cref="MissionsCreated"/> per signal of each read batch;
/// consumers are idempotent per mission id (Users' alert dedupe key). Missions of a
/// fan-out still running in this process (<see cref="FanOutsInProgress"/>) are left to it, however long it takes.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AnnouncementRecoveryJob(
    MissionsDbContext db, MissionAnnouncer announcer, TimeProvider time, IOptions<MissionsOptions> options, FanOutsInProgress inProgress, ILogger<AnnouncementRecoveryJob> logger) : IJob
{
    public Task Execute(IJobExecutionContext context) => RecoverAsync(context.CancellationToken);

    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var olderThan = nowMs - options.Value.ReannounceAfterSeconds * 1_000L;
        var pending = (int)MissionStatus.Pending;
        var viewOnly = (int)MissionStatus.ViewOnly;
        var total = 0;
        var running = inProgress.Snapshot(); // fan-outs still announcing in this process are not lost, only slow
        while (true)
        {
            var rows = await db.Missions.AsNoTracking()
                .Where(m => m.AnnouncedAtMs == null && m.CreatedAtMs <= olderThan && !running.Contains(m.SignalId))
                .OrderBy(m => m.CreatedAtMs)
                .Take(options.Value.ExpirySweepBatch)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var live = rows.Where(m => (m.Status == pending || m.Status == viewOnly) && m.ExpiresAtMs > nowMs).ToList();
            foreach (var batch in live.GroupBy(m => m.SignalId, StringComparer.Ordinal))
            {
                await announcer.AnnounceAsync(batch.Key, [.. batch], now, cancellationToken); // one MissionsCreated per signal
            }

            // Expired or already acted-on rows are closed off without an alert: it would be too late to be useful.
            await MissionAnnouncement.MarkAnnouncedAsync(db, rows, now, cancellationToken);
            total += live.Count;
            if (rows.Count < options.Value.ExpirySweepBatch)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.Reannounced(logger, total);
        }

        return total;
    }
}
