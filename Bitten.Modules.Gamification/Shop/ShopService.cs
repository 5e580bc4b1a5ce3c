using Bitten.Contracts.Common;
using Bitten.Modules.Gamification.Persistence;
using Bitten.Modules.Gamification.Xp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Gamification.Shop;

/// <summary>
/// Purchases: each item once per user (award key <c>shop:{user}:{item}</c>), paid by a ledger row written only
/// when the balance covers it, in one statement — two purchases racing for one balance: one succeeds.
/// </summary>
internal sealed class ShopService(GamificationDbContext db, XpLedger ledger, IOptions<ShopOptions> options, ILogger<ShopService> logger)
{
    public const string Reason = "shop";

    public IReadOnlyList<ShopItem> Catalogue => options.Value.Catalogue;

    public async Task<PurchaseOutcome> BuyAsync(UserId user, string code, CancellationToken ct)
    {
        var item = Catalogue.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
        if (item is null)
        {
            return PurchaseOutcome.UnknownItem;
        }

        var owned = await OwnedAsync(user, ct);
        if (owned.Contains(item.Code))
        {
            return PurchaseOutcome.AlreadyOwned;
        }

        if (!await ledger.TrySpendAsync(user, item.Price, Reason, $"shop:{user}:{item.Code}", item.Code, ct))
        {
            // Either the balance was short, or a concurrent purchase of the same item won the key.
            return (await OwnedAsync(user, ct)).Contains(item.Code) ? PurchaseOutcome.AlreadyOwned : PurchaseOutcome.InsufficientXp;
        }

        Log.ShopPurchase(logger, user.Value, item.Code, item.Price);
        return PurchaseOutcome.Bought;
    }

    public async Task<HashSet<string>> OwnedAsync(UserId user, CancellationToken ct) =>
        [.. await db.XpLedger.AsNoTracking().Where(x => x.UserId == user.Value && x.Reason == Reason && x.SourceId != null)
            .Select(x => x.SourceId!).ToListAsync(ct)];
}
