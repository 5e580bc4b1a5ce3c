using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Accounts;

/// <summary>Answers <see cref="GetUserRiskProfile"/>.</summary>
internal sealed class GetUserRiskProfileHandler(UsersDbContext db) : IRequestHandler<GetUserRiskProfile, UserRiskProfile?>
{
    public async Task<UserRiskProfile?> Handle(GetUserRiskProfile request, CancellationToken cancellationToken)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.UserId.Value, cancellationToken);
        return u is null
            ? null
            : new UserRiskProfile(request.UserId, u.RiskPercent, u.AutoFireEnabled, u.MinWinProbability, u.DrillTone, u.TimeZone);
    }
}

/// <summary>Answers <see cref="GetUserRiskProfiles"/> in one query whose text does not change with the number of users (ids as one JSON parameter).</summary>
internal sealed class GetUserRiskProfilesHandler(UsersDbContext db) : IRequestHandler<GetUserRiskProfiles, IReadOnlyList<UserRiskProfile>>
{
    public async Task<IReadOnlyList<UserRiskProfile>> Handle(GetUserRiskProfiles request, CancellationToken cancellationToken)
    {
        if (request.UserIds.Count == 0)
        {
            return [];
        }

        var ids = JsonSerializer.Serialize(request.UserIds.Select(u => u.Value).Distinct());
        var users = await db.Users.FromSqlRaw("SELECT * FROM users WHERE id IN (SELECT value FROM json_each({0}))", ids)
            .AsNoTracking()
            .Select(u => new { u.Id, u.RiskPercent, u.AutoFireEnabled, u.MinWinProbability, u.DrillTone, u.TimeZone })
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserRiskProfile(new UserId(u.Id), u.RiskPercent, u.AutoFireEnabled, u.MinWinProbability, u.DrillTone, u.TimeZone))];
    }
}
