using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Stream;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Missions.Creation;

/// <summary>
/// Announces stored missions as one batch per signal: first each owner's open streams get the <c>mission</c> frame
/// (cheap, in memory), then one <see cref="MissionsCreated"/> goes to the other modules (Users' alerts, Execution's
/// auto-fire), which do their work for the whole batch at once. The row is its own outbox entry: marked once announced.
/// </summary>
internal sealed class MissionAnnouncer(IMediator mediator, MissionStreamHub hub, ILogger<MissionAnnouncer> logger)
{
    /// <summary>Announces the missions of one signal; a failing consumer is logged, never thrown (the rows are marked all the same).</summary>
    public async Task AnnounceAsync(string signalId, IReadOnlyList<MissionRecord> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var batch = new List<MissionCreated>(rows.Count);
        foreach (var row in rows)
        {
            var mission = MissionAnnouncement.From(row, now);
            batch.Add(mission);
            try
            {
                hub.Publish(row.UserId, MissionFrames.EventName, MissionFrames.Payload(mission));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.StreamPublishFailed(logger, row.UserId, ex);
            }
        }

        try
        {
            await mediator.Publish(new MissionsCreated(new SignalId(signalId), batch, now), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AnnounceFailed(logger, signalId, batch.Count, ex);
        }
    }
}

/// <summary>Builds <see cref="MissionCreated"/> from a stored row and marks rows announced.</summary>
internal static class MissionAnnouncement
{
    public static MissionCreated From(MissionRecord m, DateTimeOffset now) => new(
        new MissionId(m.Id), new UserId(m.UserId), new SignalId(m.SignalId), m.Symbol, (Side)m.Side, m.Pattern,
        m.Entry, m.StopLoss, m.TakeProfit, m.Volume, m.RiskMoney, m.RewardMoney, m.AccountCurrency,
        m.WinProbability, m.ExpectedValueR, m.Confidence, m.Fireable, m.NotFireableReason,
        DateTimeOffset.FromUnixTimeMilliseconds(m.ExpiresAtMs), DateTimeOffset.FromUnixTimeMilliseconds(m.CreatedAtMs), now);

    /// <summary>Marks one fan-out's rows (one signal, one creation instant) in a single statement on the (signal, user) index.</summary>
    public static Task<int> MarkFanOutAnnouncedAsync(MissionsDbContext db, string signalId, long createdAtMs, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        return db.Missions.Where(m => m.SignalId == signalId && m.CreatedAtMs == createdAtMs && m.AnnouncedAtMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnnouncedAtMs, atMs), cancellationToken);
    }

    /// <summary>Marks rows by id in one statement whose text never changes with their number (ids as one JSON parameter).</summary>
    public static Task<int> MarkAnnouncedAsync(MissionsDbContext db, IReadOnlyList<MissionRecord> rows, DateTimeOffset at, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? Task.FromResult(0)
            : db.Database.ExecuteSqlRawAsync(
                "UPDATE missions SET announced_at_ms = {0} WHERE announced_at_ms IS NULL AND id IN (SELECT value FROM json_each({1}))",
                [at.ToUnixTimeMilliseconds(), JsonSerializer.Serialize(rows.Select(r => r.Id))], cancellationToken);
}
