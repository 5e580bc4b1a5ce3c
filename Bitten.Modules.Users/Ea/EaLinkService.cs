using Bitten.Contracts.Common;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Audit;
using Bitten.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Users.Ea;

/// <summary>Links, unlinks and re-keys a user's Expert Advisors. Tokens are returned once and stored only as salted hashes.</summary>
internal sealed class EaLinkService(UsersDbContext db, EaCredentialCache cache, TimeProvider time, AuditLog audit, ILogger<EaLinkService> logger)
{
    public const int MaxLabelLength = 64;
    public const int MaxEasPerUser = 10;

    public async Task<LinkResult> LinkAsync(UserId owner, string? label, CancellationToken ct)
    {
        var user = await db.Users.Include(u => u.LinkedEas).FirstOrDefaultAsync(u => u.Id == owner.Value, ct);
        if (user is null)
        {
            return LinkResult.Fail("unknown user");
        }

        if (user.LinkedEas.Count >= MaxEasPerUser)
        {
            return LinkResult.Fail($"at most {MaxEasPerUser} terminals can be linked; unlink one first");
        }

        label = string.IsNullOrWhiteSpace(label) ? $"Terminal {user.LinkedEas.Count + 1}" : label.Trim();
        if (label.Length > MaxLabelLength)
        {
            return LinkResult.Fail($"a label is at most {MaxLabelLength} characters");
        }

        var eaId = new EaId("ea-" + RandomCodes.Readable8().ToLowerInvariant() + RandomCodes.Readable8().ToLowerInvariant());
        var token = EaTokenHasher.NewToken();
        var salt = EaTokenHasher.NewSalt();
        var isDefault = user.LinkedEas.All(e => !e.IsDefault);
        user.LinkedEas.Add(new LinkedEaRecord
        {
            EaId = eaId.Value,
            TokenSalt = salt,
            TokenHash = EaTokenHasher.Hash(salt, token),
            Label = label,
            IsDefault = isDefault,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(ct);
        Log.EaLinked(logger, owner.Value, eaId.Value);
        await audit.RecordAsync(owner, AuditActions.EaLinked, eaId.Value, $"label '{label}'", ct);
        return LinkResult.Ok(new IssuedEaCredentials(eaId, token, label, isDefault));
    }

    public async Task<bool> UnlinkAsync(UserId owner, string eaId, CancellationToken ct)
    {
        var ea = await db.LinkedEas.FirstOrDefaultAsync(e => e.EaId == eaId && e.UserId == owner.Value, ct);
        if (ea is null)
        {
            return false;
        }

        db.LinkedEas.Remove(ea);
        if (ea.IsDefault)
        {
            // Removing first frees the unique "one default per user" slot before another takes it.
            await db.SaveChangesAsync(ct);
            var next = await db.LinkedEas.Where(e => e.UserId == owner.Value).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
            if (next is not null)
            {
                next.IsDefault = true;
            }
        }

        await db.SaveChangesAsync(ct);
        cache.ForgetOwner(owner);
        Log.EaUnlinked(logger, owner.Value, eaId);
        await audit.RecordAsync(owner, AuditActions.EaUnlinked, eaId, null, ct);
        return true;
    }

    /// <summary>Issues a new token for <paramref name="eaId"/>; the old one stops working at once.</summary>
    public async Task<IssuedEaCredentials?> RotateAsync(UserId owner, string eaId, CancellationToken ct)
    {
        var ea = await db.LinkedEas.FirstOrDefaultAsync(e => e.EaId == eaId && e.UserId == owner.Value, ct);
        if (ea is null)
        {
            return null;
        }

        var token = EaTokenHasher.NewToken();
        ea.TokenSalt = EaTokenHasher.NewSalt();
        ea.TokenHash = EaTokenHasher.Hash(ea.TokenSalt, token);
        ea.TokenRotatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SaveChangesAsync(ct);
        cache.Forget(eaId);
        Log.EaTokenRotated(logger, owner.Value, eaId);
        await audit.RecordAsync(owner, AuditActions.EaTokenRotated, eaId, null, ct);
        return new IssuedEaCredentials(new EaId(ea.EaId), token, ea.Label, ea.IsDefault);
    }

    public async Task<bool> SetDefaultAsync(UserId owner, string eaId, CancellationToken ct)
    {
        var eas = await db.LinkedEas.Where(e => e.UserId == owner.Value).ToListAsync(ct);
        var target = eas.FirstOrDefault(e => e.EaId == eaId);
        if (target is null)
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var ea in eas.Where(e => e.IsDefault && e != target))
        {
            ea.IsDefault = false;
        }

        await db.SaveChangesAsync(ct);
        target.IsDefault = true;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.ForgetOwner(owner);
        await audit.RecordAsync(owner, AuditActions.EaDefault, eaId, null, ct);
        return true;
    }

    public Task<List<LinkedEaRecord>> ListAsync(UserId owner, CancellationToken ct) =>
        db.LinkedEas.AsNoTracking().Where(e => e.UserId == owner.Value).OrderBy(e => e.Id).ToListAsync(ct);
}
