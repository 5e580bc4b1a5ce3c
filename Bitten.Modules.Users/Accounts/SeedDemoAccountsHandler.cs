using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Accounts;

/// <summary>
/// Creates (once) the demo admin and demo subscriber of the embedded default and links the simulator's
/// EA to the subscriber with the token it was started with (stored hashed, like any EA token).
/// Demo users have negative Telegram ids, which no real Telegram account has.
/// </summary>
internal sealed class SeedDemoAccountsHandler(UsersDbContext db, TierCatalog tiers, LoginLinkService links, EaCredentialCache cache, TimeProvider time)
    : IRequestHandler<SeedDemoAccounts, DemoAccounts>
{
    public const long DemoAdminTelegramId = -1;
    public const long DemoSubscriberTelegramId = -2;

    public async Task<DemoAccounts> Handle(SeedDemoAccounts request, CancellationToken cancellationToken)
    {
        var tier = tiers.Exists("COMMANDER") ? "COMMANDER" : tiers.DefaultTier;
        var admin = await EnsureAsync(DemoAdminTelegramId, "Demo Admin", UserRoles.User | UserRoles.Admin, tier, cancellationToken);
        var subscriber = await EnsureAsync(DemoSubscriberTelegramId, "Demo Trader", UserRoles.User, tier, cancellationToken);
        var ea = await db.LinkedEas.FirstOrDefaultAsync(e => e.EaId == request.EaId, cancellationToken);
        if (ea is null)
        {
            ea = new LinkedEaRecord { EaId = request.EaId, Label = "Simulator (paper)", CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds() };
            db.LinkedEas.Add(ea);
        }

        ea.UserId = subscriber.Id;
        ea.IsDefault = true;
        ea.TokenSalt = EaTokenHasher.NewSalt();
        ea.TokenHash = EaTokenHasher.Hash(ea.TokenSalt, request.EaToken);
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(request.EaId);
        var (adminCode, expires) = await links.IssueAsync(new UserId(admin.Id), cancellationToken);
        var (subscriberCode, _) = await links.IssueAsync(new UserId(subscriber.Id), cancellationToken);
        return new DemoAccounts(new UserId(admin.Id), new UserId(subscriber.Id), adminCode, subscriberCode, expires);
    }

    private async Task<UserRecord> EnsureAsync(long telegramId, string name, UserRoles roles, string tier, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.TelegramId == telegramId, ct);
        if (user is null)
        {
            user = new UserRecord
            {
                TelegramId = telegramId,
                DisplayName = name,
                Tier = tier,
                Roles = roles,
                ReferralCode = "DEMO" + (-telegramId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
        }

        return user;
    }
}
