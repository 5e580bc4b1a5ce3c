using Bitten.Modules.Gamification.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Gamification.Leaderboard;

/// <summary>Leaderboards by lifetime earned XP or by net R, of users who opted in, under their chosen display name only.</summary>
internal sealed class LeaderboardService(GamificationDbContext db)
{
    public async Task<IReadOnlyList<LeaderboardRow>> TopAsync(bool byR, int limit, CancellationToken ct)
    {
        var optedIn = await db.Users.AsNoTracking()
            .Where(u => u.LeaderboardOptIn && u.DisplayName != null)
            .Select(u => new { u.UserId, u.DisplayName })
            .ToListAsync(ct);
        var ids = optedIn.Select(u => u.UserId).ToList();
        Dictionary<long, double> scores;
        if (byR)
        {
            // SQLite sums doubles; grouped in the database, small per user.
            scores = (await db.Trades.AsNoTracking().Where(t => ids.Contains(t.UserId))
                    .GroupBy(t => t.UserId).Select(g => new { g.Key, Sum = g.Sum(t => t.RMultiple) }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => Math.Round(x.Sum, 2));
        }
        else
        {
            scores = (await db.XpLedger.AsNoTracking().Where(x => ids.Contains(x.UserId) && x.Amount > 0)
                    .GroupBy(x => x.UserId).Select(g => new { g.Key, Sum = g.Sum(x => (long)x.Amount) }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => (double)x.Sum);
        }

        return [.. optedIn
            .Select(u => (u.DisplayName, Score: scores.GetValueOrDefault(u.UserId)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.DisplayName, StringComparer.Ordinal)
            .Take(limit)
            .Select((x, i) => new LeaderboardRow(i + 1, x.DisplayName!, x.Score))];
    }
}
