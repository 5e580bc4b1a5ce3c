using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Gamification.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Players;

/// <summary>The users Gamification knows (checked in or traded), with time zone and drill tone refreshed from Users.</summary>
internal sealed class PlayerDirectory(
    GamificationDbContext db, IMediator mediator, TimeProvider time, IOptions<GamificationOptions> options, ILogger<PlayerDirectory> logger)
{
    /// <summary>The stored user, created on first sight and refreshed from <c>GetUserRiskProfile</c> when stale.</summary>
    public async Task<GameUser> EnsureAsync(UserId user, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var row = await db.Users.FirstOrDefaultAsync(u => u.UserId == user.Value, ct);
        if (row is null)
        {
            row = new GameUser { UserId = user.Value, CreatedAtMs = now, DrillTone = (int)DrillTone.Balanced };
            await RefreshAsync(row, now, ct);
            db.Users.Add(row);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
            {
                // Another handler created the row at the same moment: use theirs.
                db.Entry(row).State = EntityState.Detached;
                row = await db.Users.FirstAsync(u => u.UserId == user.Value, ct);
            }

            return row;
        }

        if (now - row.ProfileRefreshedAtMs >= (long)options.Value.ProfileRefreshInterval.TotalMilliseconds)
        {
            await RefreshAsync(row, now, ct);
            await db.SaveChangesAsync(ct);
        }

        return row;
    }

    private async Task RefreshAsync(GameUser row, long now, CancellationToken ct)
    {
        try
        {
            var profile = await mediator.Send(new GetUserRiskProfile(new UserId(row.UserId)), ct);
            if (profile is null)
            {
                Log.ProfileMissing(logger, row.UserId);
            }
            else
            {
                // An id this machine does not know keeps the last good zone rather than silently moving the user to UTC.
                row.TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone ?? string.Empty, out _) ? profile.TimeZone! : row.TimeZone;
                row.DrillTone = (int)profile.DrillTone;
            }

            row.ProfileRefreshedAtMs = now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ProfileRefreshFailed(logger, row.UserId, ex);
        }
    }
}
