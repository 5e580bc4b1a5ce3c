using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Xp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Gamification.Achievements;

/// <summary>
/// Unlocks achievement levels as counts grow. An unlocked level is its ledger row (reason
/// <c>achievement</c>, key <c>ach:{user}:{code}:{level}</c>), so unlocking twice is impossible and the list is derived.
/// </summary>
internal sealed class AchievementService(GamificationDbContext db, XpLedger ledger, ILogger<AchievementService> logger)
{
    public const string Reason = "achievement";

    public async Task UpdateAsync(UserId user, string code, int count, CancellationToken ct)
    {
        foreach (var level in AchievementRules.LevelsReached(code, count))
        {
            var awarded = await ledger.AwardAsync(user, AchievementRules.BonusXp(level), Reason, $"ach:{user}:{code}:{level}", $"{code}:{level}", ct);
            if (awarded is not null)
            {
                Log.AchievementUnlocked(logger, user.Value, code, level.ToString());
            }
        }
    }

    /// <summary>Highest level per achievement the user holds.</summary>
    public async Task<IReadOnlyDictionary<string, AchievementLevel>> ListAsync(UserId user, CancellationToken ct)
    {
        var sources = await db.XpLedger.AsNoTracking()
            .Where(x => x.UserId == user.Value && x.Reason == Reason && x.SourceId != null)
            .Select(x => x.SourceId!)
            .ToListAsync(ct);
        var result = new Dictionary<string, AchievementLevel>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var parts = source.Split(':');
            if (parts.Length == 2 && Enum.TryParse<AchievementLevel>(parts[1], out var level)
                && (!result.TryGetValue(parts[0], out var held) || level > held))
            {
                result[parts[0]] = level;
            }
        }

        return result;
    }
}
