using Bitten.Contracts.Common;
using Bitten.Contracts.Hosting;
using Bitten.Modules.Missions.Persistence;
using Bitten.Modules.Missions.Stream;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Missions.Api;

/// <summary>
/// <c>/healthz</c> entry <c>missions_live</c>: PENDING missions, those expiring soon, those overdue (the expiry
/// sweep is behind when this grows), and open stream connections. Overdue missions make it Degraded.
/// </summary>
internal sealed class MissionsHealthContributor(IServiceScopeFactory scopes, MissionStreamHub hub, TimeProvider time, IOptions<MissionsOptions> options) : IHealthContributor
{
    /// <summary>Missions this far past expiry and still PENDING mean the sweep is not running.</summary>
    private const long OverdueGraceMs = 30_000;

    public string Name => "missions_live";

    public async Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MissionsDbContext>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var soon = now + options.Value.ExpiringSoonSeconds * 1_000L;
        var overdueBefore = now - OverdueGraceMs;
        var pending = db.Missions.AsNoTracking().Where(m => m.Status == (int)MissionStatus.Pending);
        var data = new Dictionary<string, object?>
        {
            ["pending"] = await pending.CountAsync(m => m.ExpiresAtMs > now, cancellationToken),
            ["expiring_soon"] = await pending.CountAsync(m => m.ExpiresAtMs > now && m.ExpiresAtMs <= soon, cancellationToken),
            ["overdue"] = await pending.CountAsync(m => m.ExpiresAtMs <= overdueBefore, cancellationToken),
            ["firing"] = await db.Missions.AsNoTracking().CountAsync(m => m.Status == (int)MissionStatus.Firing, cancellationToken),
            ["stream_clients"] = hub.ClientCount,
            ["stream_dropped"] = hub.DroppedCount,
        };
        return (int)data["overdue"]! > 0
            ? HealthContribution.Degraded($"{data["overdue"]} PENDING missions are over 30 s past expiry: the expiry sweep is not keeping up", data)
            : HealthContribution.Healthy(data);
    }
}
