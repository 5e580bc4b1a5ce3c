using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Ea;

/// <summary>Answers <see cref="GetEaOwner"/>: the active user who linked the EA, or null.</summary>
internal sealed class GetEaOwnerHandler(UsersDbContext db) : IRequestHandler<GetEaOwner, UserId?>
{
    public async Task<UserId?> Handle(GetEaOwner request, CancellationToken cancellationToken)
    {
        if (!EaId.IsValid(request.EaId))
        {
            return null;
        }

        var owner = await db.LinkedEas.AsNoTracking()
            .Where(e => e.EaId == request.EaId)
            .Join(db.Users.Where(u => u.IsActive), e => e.UserId, u => u.Id, (e, u) => (long?)e.UserId)
            .FirstOrDefaultAsync(cancellationToken);
        return owner is { } id ? new UserId(id) : null;
    }
}
