using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Answers <see cref="GetUserEntitlements"/> from the user's stored tier and the tier table.</summary>
internal sealed class GetUserEntitlementsHandler(UsersDbContext db, TierCatalog tiers) : IRequestHandler<GetUserEntitlements, UserEntitlements?>
{
    public async Task<UserEntitlements?> Handle(GetUserEntitlements request, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.UserId.Value)
            .Select(u => new { u.Tier, u.IsActive })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : tiers.Entitlements(new UserId(request.UserId.Value), user.Tier, user.IsActive);
    }
}
