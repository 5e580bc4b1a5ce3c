using Bitten.Contracts.Common;
using Bitten.Modules.Users.Persistence;
using Microsoft.AspNetCore.Http;

namespace Bitten.Modules.Users.Audit;

/// <summary>
/// Writes audit rows. The source defaults to the current request's client IP (or <c>system</c> outside a
/// request). Values are clipped to their column sizes; secrets are never passed here.
/// </summary>
internal sealed class AuditLog(UsersDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public const int MaxAction = 64;
    public const int MaxTarget = 128;
    public const int MaxDetail = 512;
    public const int MaxSource = 64;
    public const string Telegram = "telegram";
    public const string System = "system";

    public async Task RecordAsync(UserId? actor, string action, string? target, string? detail, CancellationToken ct, string? source = null, DateTimeOffset? at = null)
    {
        var row = new AuditRecord
        {
            AtMs = (at ?? time.GetUtcNow()).ToUnixTimeMilliseconds(),
            ActorUserId = actor?.Value,
            Action = Clip(action, MaxAction) ?? "unknown",
            Target = Clip(target, MaxTarget),
            Detail = Clip(detail, MaxDetail),
            Source = Clip(source ?? CurrentSource(), MaxSource),
        };
        db.AuditLog.Add(row);
        await db.SaveChangesAsync(ct);
        db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    /// <summary>The client IP of the current HTTP request, or <c>system</c>.</summary>
    public string CurrentSource() => http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? System;

    private static string? Clip(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
