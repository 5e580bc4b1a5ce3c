using Bitten.Contracts.Common;
using Bitten.Contracts.Gamification;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Registers users on first contact and keeps their Telegram profile and last-seen time current.</summary>
internal sealed class UserDirectory(UsersDbContext db, TierCatalog tiers, TimeProvider time, IOptions<AuthOptions> auth, IServiceProvider services, ILogger<UserDirectory> logger)
{
    public Task<UserRecord?> FindAsync(UserId id, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id.Value, ct);

    public Task<UserRecord?> FindByTelegramIdAsync(long telegramId, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.TelegramId == telegramId, ct);

    /// <summary>
    /// Creates the user on first sight (with <paramref name="referralCode"/>'s owner as referrer) or refreshes their profile.
    /// Every contact (sign-in, bot message) is a check-in for Gamification's streak; a new recruit is announced as <see cref="UserReferred"/>.
    /// </summary>
    public async Task<UserRecord> UpsertAsync(TelegramIdentity who, string? referralCode, CancellationToken ct)
    {
        UserRecord user;
        bool created;
        try
        {
            (user, created) = await UpsertOnceAsync(who, referralCode, ct);
        }
        catch (DbUpdateException)
        {
            // Two first contacts of one user raced on the unique Telegram id: the other created the row.
            db.ChangeTracker.Clear();
            (user, created) = await UpsertOnceAsync(who, referralCode, ct);
        }

        var now = time.GetUtcNow();
        if (created && user.ReferrerUserId is { } referrer)
        {
            await PublishSafelyAsync(new UserReferred(new UserId(referrer), new UserId(user.Id), now), user.Id, ct);
        }

        await PublishSafelyAsync(new UserCheckedIn(new UserId(user.Id), now), user.Id, ct);
        return user;
    }

    /// <summary>Gamification's reaction must never cost a user their sign-in or bot answer: failures are logged.</summary>
    private async Task PublishSafelyAsync(INotification notification, long userId, CancellationToken ct)
    {
        if (services.GetService<IMediator>() is not { } mediator)
        {
            return;
        }

        try
        {
            await mediator.Publish(notification, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PublishFailed(logger, notification.GetType().Name, userId, ex);
        }
    }

    private async Task<(UserRecord User, bool Created)> UpsertOnceAsync(TelegramIdentity who, string? referralCode, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var isAdmin = auth.Value.AdminTelegramIds.Contains(who.TelegramId);
        var user = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == who.TelegramId, ct);
        var created = user is null;
        if (user is null)
        {
            long? referrer = null;
            if (!string.IsNullOrWhiteSpace(referralCode))
            {
                // Deep-link payloads ("/start ref_CODE", Mini App start_param) may carry a "ref_" prefix.
                var code = referralCode.Trim().ToUpperInvariant();
                code = code.StartsWith("REF_", StringComparison.Ordinal) ? code[4..] : code;
                referrer = await db.Users.Where(u => u.ReferralCode == code).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
            }

            user = new UserRecord
            {
                TelegramId = who.TelegramId,
                Tier = tiers.DefaultTier,
                ReferralCode = await FreeReferralCodeAsync(ct),
                ReferrerUserId = referrer,
                CreatedAtMs = now,
            };
            db.Users.Add(user);
        }

        user.DisplayName = who.DisplayName;
        user.Username = who.Username is { Length: <= 64 } ? who.Username : null;
        if (who.LanguageCode is { Length: > 0 and <= 16 })
        {
            user.LanguageCode = who.LanguageCode;
        }

        user.Roles = UserRoles.User | (isAdmin ? UserRoles.Admin : UserRoles.None);
        user.LastSeenAtMs = now;
        user.IsActive = true;
        await db.SaveChangesAsync(ct);
        return (user, created);
    }

    private async Task<string> FreeReferralCodeAsync(CancellationToken ct)
    {
        while (true)
        {
            // 32^8 codes: a collision is rare; the unique index is the final guard.
            var code = RandomCodes.Readable8();
            if (!await db.Users.AnyAsync(u => u.ReferralCode == code, ct))
            {
                return code;
            }
        }
    }
}
