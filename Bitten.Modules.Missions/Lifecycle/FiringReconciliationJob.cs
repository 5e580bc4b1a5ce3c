using Bitten.Contracts.Common;
using Bitten.Contracts.Execution;
using Bitten.Modules.Missions.Messaging;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// Crash recovery for fires (every 5 seconds, so also right after a start): the move to FIRING and Execution's commit of
/// the fire are two databases, so a process killed between them leaves a mission FIRING with no fire, and one killed
/// between a fire's commit and its announcement leaves the mission behind its fire. Missions FIRING, SENT or UNCONFIRMED
/// for longer than <c>FiringReconcileAfterSeconds</c> (and not being fired by this process right now) are looked up in
/// Execution (<see cref="GetMissionFires"/>): a fire exists → the mission follows its state; no fire for a FIRING mission
/// → back to PENDING when it has not expired (the user may fire again), else FAILED with the reason.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class FiringReconciliationJob(
    MissionsDbContext db,
    MissionTransitions transitions,
    Requests requests,
    FiresInFlight inFlight,
    TimeProvider time,
    IOptions<MissionsOptions> options,
    ILogger<FiringReconciliationJob> logger) : IJob
{
    private const int Page = 500;

    public Task Execute(IJobExecutionContext context) => ReconcileAsync(context.CancellationToken);

    /// <summary>Runs one pass; returns how many missions it moved.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!requests.IsHandled<GetMissionFires, IReadOnlyList<MissionFire>>())
        {
            return 0; // Execution is not running here: nothing to ask, and nothing can have been fired
        }

        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var olderThan = nowMs - options.Value.FiringReconcileAfterSeconds * 1_000L;
        int[] waiting = [(int)MissionStatus.Firing, (int)MissionStatus.Sent, (int)MissionStatus.Unconfirmed];
        var moved = 0;
        var afterId = string.Empty;
        while (true)
        {
            var page = await db.Missions.AsNoTracking()
                .Where(m => waiting.Contains(m.Status) && m.UpdatedAtMs <= olderThan && string.Compare(m.Id, afterId) > 0)
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.UserId, m.Status, m.ExpiresAtMs })
                .Take(Page)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            afterId = page[^1].Id;
            var candidates = page.Where(m => !inFlight.Contains(m.Id)).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            var (_, answer) = await requests.TrySendAsync<GetMissionFires, IReadOnlyList<MissionFire>>(
                new GetMissionFires([.. candidates.Select(m => new MissionId(m.Id))]), cancellationToken);
            var fires = (answer ?? []).ToDictionary(f => f.MissionId.Value, StringComparer.Ordinal);
            foreach (var mission in candidates)
            {
                var status = (MissionStatus)mission.Status;
                if (fires.TryGetValue(mission.Id, out var fire))
                {
                    if (fire.MissionStatus != status && MissionStateRules.CanMove(status, fire.MissionStatus)
                        && await transitions.TryMoveAsync(mission.Id, mission.UserId, status, fire.MissionStatus, Details(fire), cancellationToken))
                    {
                        Log.FiringReconciled(logger, mission.Id, status.ToString(), fire.MissionStatus.ToString(), fire.FireId.Value);
                        moved++;
                    }

                    continue;
                }

                if (status != MissionStatus.Firing)
                {
                    continue; // SENT/UNCONFIRMED without a fire cannot come from a crash; left as it is
                }

                var expired = nowMs >= mission.ExpiresAtMs;
                var next = expired ? MissionStatus.Failed : MissionStatus.Pending;
                var reason = expired
                    ? "the fire was never created (the server stopped while firing) and the mission has expired"
                    : "the fire was never created (the server stopped while firing); the mission can be fired again";
                if (await transitions.TryMoveAsync(mission.Id, mission.UserId, MissionStatus.Firing, next, new TransitionDetails(reason), cancellationToken))
                {
                    Log.FiringReconciled(logger, mission.Id, status.ToString(), next.ToString(), null);
                    moved++;
                }
            }

            if (page.Count < Page)
            {
                break;
            }
        }

        return moved;
    }

    private static TransitionDetails Details(MissionFire fire) => new(
        Reason: fire.Reason,
        FireId: fire.FireId.Value,
        FillPrice: fire.FillPrice,
        FilledVolume: fire.FilledVolume,
        Profit: fire.MissionStatus == MissionStatus.Closed ? fire.Profit : null,
        ResultR: fire.MissionStatus == MissionStatus.Closed ? fire.ResultR : null,
        Result: fire.MissionStatus == MissionStatus.Closed ? fire.Result : null,
        ClosedAtMs: fire.ClosedAt?.ToUnixTimeMilliseconds());
}
