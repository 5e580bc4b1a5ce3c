using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tiers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Accounts;

/// <summary>
/// Answers <see cref="ListSignalAudience"/>: every active user with their tier's rules and own risk
/// settings, in two queries however many users there are (Missions sizes thousands at once).
/// </summary>
internal sealed class ListSignalAudienceHandler(UsersDbContext db, TierCatalog tiers) : IRequestHandler<ListSignalAudience, IReadOnlyList<AudienceMember>>
{
    public async Task<IReadOnlyList<AudienceMember>> Handle(ListSignalAudience request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.Tier, u.RiskPercent, u.AutoFireEnabled, u.MinWinProbability })
            .ToListAsync(cancellationToken);
        var withEa = (await db.LinkedEas.AsNoTracking().Select(e => e.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var audience = new List<AudienceMember>(users.Count);
        foreach (var u in users)
        {
            var tier = tiers.Entitlements(new UserId(u.Id), u.Tier, isActive: true);
            audience.Add(new AudienceMember(new UserId(u.Id), tier.Tier, tier.CanFire, u.RiskPercent, tier.MaxRiskPercent,
                u.AutoFireEnabled && tier.AutoFireAllowed, u.MinWinProbability, withEa.Contains(u.Id)));
        }

        return audience;
    }
}
