using System.Security.Cryptography;
using System.Text;
using Bitten.Contracts.Common;
using Bitten.Modules.Users.Accounts;
using Bitten.Modules.Users.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Users.Auth;

/// <summary>
/// One-time login codes for the bot's <c>/login</c>: random (192 bits), short-lived, single-use by a
/// compare-and-set in the database. Only the code's SHA-256 is stored.
/// </summary>
internal sealed class LoginLinkService(UsersDbContext db, TimeProvider time, IOptions<AuthOptions> options)
{
    public async Task<(string Code, DateTimeOffset ExpiresAt)> IssueAsync(UserId user, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await db.LoginCodes.Where(c => c.ExpiresAtMs <= nowMs || c.UsedAtMs != null).ExecuteDeleteAsync(ct);
        var code = RandomCodes.UrlSafe(24);
        var expiresAt = now + options.Value.LoginLinkLifetime;
        db.LoginCodes.Add(new LoginCodeRecord
        {
            CodeHash = HashOf(code),
            UserId = user.Value,
            CreatedAtMs = nowMs,
            ExpiresAtMs = expiresAt.ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(ct);
        return (code, expiresAt);
    }

    /// <summary>Spends <paramref name="code"/>; returns its user, or null when unknown, expired or already used.</summary>
    public async Task<UserId?> RedeemAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 128)
        {
            return null;
        }

        var hash = HashOf(code.Trim());
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var spent = await db.LoginCodes
            .Where(c => c.CodeHash == hash && c.UsedAtMs == null && c.ExpiresAtMs > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAtMs, now), ct);
        if (spent != 1)
        {
            return null;
        }

        var userId = await db.LoginCodes.Where(c => c.CodeHash == hash).Select(c => c.UserId).FirstAsync(ct);
        return new UserId(userId);
    }

    private static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
