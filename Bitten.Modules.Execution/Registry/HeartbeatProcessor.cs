using Bitten.Contracts.Signals;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Execution.Registry;

/// <summary>
/// One heartbeat, from either socket: updates the registry, then reconciles this EA's unconfirmed (or
/// still unconfirmed-in-time) fires from the positions it reports, matched by fire_id.
/// Positions without a BITTEN fire_id are stored and shown, never touched.
/// </summary>
internal sealed class HeartbeatProcessor(EaRegistry registry, FireLifecycle lifecycle, IServiceScopeFactory scopes, ExecutionMetrics metrics, ILogger<HeartbeatProcessor> logger)
{
    private static readonly FireStatus[] Reconcilable = [FireStatus.Sent, FireStatus.Unconfirmed];

    public async Task ApplyAsync(EaHeartbeatReceived heartbeat, CancellationToken cancellationToken)
    {
        if (await registry.HeartbeatAsync(heartbeat, cancellationToken) is null)
        {
            metrics.Rejected("unknown_ea");
            return;
        }

        var ids = heartbeat.Positions.Where(p => !string.IsNullOrEmpty(p.FireId)).Select(p => p.FireId!).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        List<string> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            pending = await db.Fires.AsNoTracking()
                .Where(f => ids.Contains(f.FireId) && f.EaId == heartbeat.EaId && Reconcilable.Contains(f.Status))
                .Select(f => f.FireId).ToListAsync(cancellationToken);
        }

        foreach (var fireId in pending)
        {
            var position = heartbeat.Positions.First(p => p.FireId == fireId);
            if (await lifecycle.FilledAsync(fireId, position.OpenPrice, position.Volume, position.Position, "reconciled from the EA's heartbeat", cancellationToken) is not null)
            {
                Log.FireReconciled(logger, fireId, heartbeat.EaId, position.Position);
            }
        }
    }
}
