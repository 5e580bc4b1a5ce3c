using System.Diagnostics;
using Bitten.Contracts.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Common;

/// <summary>Reports a module's database file and the latency of a trivial query.</summary>
internal sealed class DatabaseHealthContributor<TContext>(string name, IServiceScopeFactory scopes, ModuleDatabaseHandle<TContext> handle)
    : IHealthContributor
    where TContext : DbContext
{
    public string Name { get; } = name;

    public async Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?> { ["database"] = Path.GetFileName(handle.Database.FilePath) };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var started = Stopwatch.GetTimestamp();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            data["db_latency_ms"] = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
            return HealthContribution.Healthy(data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthContribution.Unhealthy($"database {handle.Database.FilePath} is not answering: {ex.Message}", data);
        }
    }
}
