using Bitten.Contracts.Common;
using Bitten.Contracts.Missions;
using Bitten.Modules.Missions.Lifecycle;
using Bitten.Modules.Missions.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Missions.Creation;

/// <summary>Builds <see cref="MissionCreated"/> from a stored row and marks rows announced (the row is its own outbox entry).</summary>
internal static class MissionAnnouncement
{
    private const int MarkBatch = 500;

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

    public static async Task MarkAnnouncedAsync(MissionsDbContext db, IReadOnlyList<MissionRecord> rows, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        for (var start = 0; start < rows.Count; start += MarkBatch)
        {
            var ids = rows.Skip(start).Take(MarkBatch).Select(r => r.Id).ToList();
            await db.Missions.Where(m => ids.Contains(m.Id) && m.AnnouncedAtMs == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnnouncedAtMs, atMs), cancellationToken);
        }
    }
}
