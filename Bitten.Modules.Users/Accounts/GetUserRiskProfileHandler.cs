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
