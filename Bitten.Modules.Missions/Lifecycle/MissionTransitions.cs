using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions.Lifecycle;

/// <summary>
/// Moves a mission by compare-and-set in the database (<c>UPDATE … WHERE id = @id AND status = @expected</c>):
/// exactly one of any number of concurrent callers wins. The winner announces <see cref="MissionStateChanged"/>.
/// </summary>
internal sealed class MissionTransitions(MissionsDbContext db, IMediator mediator, TimeProvider time, MissionsMetrics metrics, ILogger<MissionTransitions> logger)
{
    private const int Attempts = 4;

    /// <summary>One compare-and-set; true when this caller won it (the winner announces the change).</summary>
    public async Task<bool> TryMoveAsync(string missionId, long userId, MissionStatus expected, MissionStatus next, TransitionDetails details, CancellationToken cancellationToken)
    {
        var changed = await TryMoveUnannouncedAsync(missionId, userId, expected, next, details, cancellationToken);
        if (changed is null)
        {
            return false;
        }

        await AnnounceAsync(changed, cancellationToken);
        return true;
    }

    /// <summary>
    /// The compare-and-set alone, for callers inside a transaction: they announce the returned change with
    /// <see cref="AnnounceAsync"/> after their commit. Null when this caller lost.
    /// </summary>
    public async Task<MissionStateChanged?> TryMoveUnannouncedAsync(string missionId, long userId, MissionStatus expected, MissionStatus next, TransitionDetails details, CancellationToken cancellationToken)
    {
        if (!MissionStateRules.CanMove(expected, next))
        {
            throw new InvalidOperationException($"A mission cannot move from {expected} to {next}.");
        }

        var now = time.GetUtcNow();
        var won = await db.Missions
            .Where(m => m.Id == missionId && m.Status == (int)expected)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(m => m.Status, (int)next);
                s.SetProperty(m => m.UpdatedAtMs, now.ToUnixTimeMilliseconds());
                if (details.Reason is not null)
                {
                    s.SetProperty(m => m.StatusReason, details.Reason);
                }

                if (details.FireId is not null)
                {
                    s.SetProperty(m => m.FireId, details.FireId);
                }

                if (details.Source is { } source)
                {
                    s.SetProperty(m => m.FireSource, (int)source);
                }

                if (details.FillPrice is { } price)
                {
                    s.SetProperty(m => m.FillPrice, price);
                }

                if (details.FilledVolume is { } volume)
                {
                    s.SetProperty(m => m.FilledVolume, volume);
                }

                if (details.Profit is { } profit)
                {
                    s.SetProperty(m => m.Profit, profit);
                }

                if (details.ResultR is { } r)
                {
                    s.SetProperty(m => m.ResultR, r);
                }

                if (details.Result is { } result)
                {
                    s.SetProperty(m => m.TradeResult, (int)result);
                }

                if (details.ClosedAtMs is { } closed)
                {
                    s.SetProperty(m => m.ClosedAtMs, closed);
                }
            }, cancellationToken) == 1;
        if (!won)
        {
            return null;
        }

        metrics.Transitions.Add(1, new KeyValuePair<string, object?>("to", next.ToString().ToUpperInvariant()));
        Log.Transitioned(logger, missionId, userId, expected.ToString(), next.ToString(), details.FireId, details.Reason);
        return new MissionStateChanged(new MissionId(missionId), new UserId(userId), expected, next, details.Reason,
            details.FireId is null ? null : new FireId(details.FireId), now);
    }

    /// <summary>
    /// For reports from Execution (which may arrive twice or out of order): moves the mission to
    /// <paramref name="next"/> from whatever allowed state it is in; false when it is already there or cannot move.
    /// </summary>
    public async Task<bool> AdvanceAsync(string missionId, MissionStatus next, string eventName, TransitionDetails details, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await db.Missions.AsNoTracking().Where(m => m.Id == missionId)
                .Select(m => new { m.Status, m.UserId }).FirstOrDefaultAsync(cancellationToken);
            if (current is null)
            {
                Log.TransitionIgnored(logger, missionId, eventName, "missing");
                return false;
            }

            var status = (MissionStatus)current.Status;
            if (status == next || !MissionStateRules.CanMove(status, next))
            {
                Log.TransitionIgnored(logger, missionId, eventName, status.ToString());
                return false;
            }

            if (await TryMoveAsync(missionId, current.UserId, status, next, details, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async Task AnnounceAsync(MissionStateChanged changed, CancellationToken cancellationToken)
    {
        try
        {
            await mediator.Publish(changed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The state is stored; a failing listener must not undo or hide it.
            Log.StateAnnounceFailed(logger, changed.MissionId.Value, ex);
        }
    }
}
