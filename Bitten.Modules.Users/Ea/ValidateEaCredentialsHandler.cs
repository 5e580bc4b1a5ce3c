using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Ea;

/// <summary>Answers <see cref="ValidateEaCredentials"/>: memory first, then the database; constant-time compare either way.</summary>
internal sealed class ValidateEaCredentialsHandler(UsersDbContext db, EaCredentialCache cache) : IRequestHandler<ValidateEaCredentials, EaCredentialsValidation>
{
    public async Task<EaCredentialsValidation> Handle(ValidateEaCredentials request, CancellationToken cancellationToken)
    {
        if (!EaId.IsValid(request.EaId) || string.IsNullOrEmpty(request.EaToken) || request.EaToken.Length > 256)
        {
            return EaCredentialsValidation.Invalid;
        }

        if (cache.TryValidate(request.EaId, request.EaToken, out var cachedOwner, out var cachedDefault))
        {
            return new EaCredentialsValidation(true, cachedOwner, cachedDefault);
        }

        var row = await db.LinkedEas.AsNoTracking()
            .Where(e => e.EaId == request.EaId)
            .Join(db.Users.Where(u => u.IsActive), e => e.UserId, u => u.Id, (e, u) => new { e.UserId, e.TokenSalt, e.TokenHash, e.IsDefault })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || !EaTokenHasher.Matches(row.TokenSalt, row.TokenHash, request.EaToken))
        {
            return EaCredentialsValidation.Invalid;
        }

        var owner = new UserId(row.UserId);
        cache.Remember(request.EaId, row.TokenSalt, row.TokenHash, owner, row.IsDefault);
        return new EaCredentialsValidation(true, owner, row.IsDefault);
    }
}
