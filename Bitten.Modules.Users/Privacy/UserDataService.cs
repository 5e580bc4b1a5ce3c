using Bitten.Contracts.Common;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Privacy;

/// <summary>
/// The Users module's part of GDPR export and erasure. Erasure deletes the user and everything keyed to
/// them here, and keeps the audit trail with the actor (and any target naming them) anonymised.
/// </summary>
internal sealed class UserDataService(UsersDbContext db, EaCredentialCache eaCache)
{
    public const string ErasedTarget = "user:erased";

    /// <summary>The user's own data held by this module; null when the user does not exist.</summary>
    public async Task<object?> ExportAsync(UserId id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.NotificationSettings).Include(u => u.LinkedEas)
            .FirstOrDefaultAsync(u => u.Id == id.Value, ct);
        if (user is null)
        {
            return null;
        }

        var alerts = await db.Alerts.AsNoTracking().Where(a => a.UserId == id.Value).OrderBy(a => a.Id)
            .Select(a => new { kind = a.Kind.ToString(), a.Html, status = a.Status.ToString(), created_at_ms = a.CreatedAtMs, sent_at_ms = a.SentAtMs })
            .ToListAsync(ct);
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.ActorUserId == id.Value).OrderBy(a => a.Id)
            .Select(a => new { at_ms = a.AtMs, a.Action, a.Target, a.Detail, a.Source })
            .ToListAsync(ct);
        return new
        {
            profile = new
            {
                user_id = user.Id,
                telegram_id = user.TelegramId,
                display_name = user.DisplayName,
                username = user.Username,
                language = user.LanguageCode,
                time_zone = user.TimeZone,
                tier = user.Tier,
                roles = user.Roles.ToString(),
                referral_code = user.ReferralCode,
                referrer_user_id = user.ReferrerUserId,
                created_at_ms = user.CreatedAtMs,
                last_seen_at_ms = user.LastSeenAtMs,
                is_active = user.IsActive,
            },
            risk_profile = new
            {
                risk_percent = user.RiskPercent,
                auto_fire = user.AutoFireEnabled,
                min_win_probability = user.MinWinProbability,
                drill_tone = user.DrillTone.ToString(),
            },
            notifications = user.NotificationSettings.Select(n => new { kind = n.Event.ToString(), mode = n.Mode.ToString() }),
            linked_terminals = user.LinkedEas.Select(e => new { ea_id = e.EaId, label = e.Label, is_default = e.IsDefault, created_at_ms = e.CreatedAtMs }),
            alerts,
            audit,
        };
    }

    /// <summary>Deletes the user and their rows here, anonymises their audit trail; false when there was no such user.</summary>
    public async Task<bool> EraseAsync(UserId id, CancellationToken ct)
    {
        var target = $"user:{id.Value}";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.AuditLog.Where(a => a.ActorUserId == id.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorUserId, (long?)null).SetProperty(a => a.Source, (string?)null), ct);
        await db.AuditLog.Where(a => a.Target == target).ExecuteUpdateAsync(s => s.SetProperty(a => a.Target, ErasedTarget), ct);
        await db.Users.Where(u => u.ReferrerUserId == id.Value).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReferrerUserId, (long?)null), ct);
        await db.Alerts.Where(a => a.UserId == id.Value).ExecuteDeleteAsync(ct);
        await db.LoginCodes.Where(c => c.UserId == id.Value).ExecuteDeleteAsync(ct);
        await db.NotificationSettings.Where(n => n.UserId == id.Value).ExecuteDeleteAsync(ct);
        await db.LinkedEas.Where(e => e.UserId == id.Value).ExecuteDeleteAsync(ct);
        var deleted = await db.Users.Where(u => u.Id == id.Value).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        eaCache.ForgetOwner(id);
        return deleted > 0;
    }
}
