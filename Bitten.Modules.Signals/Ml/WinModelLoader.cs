using Bitten.Modules.Signals.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals.Ml;

/// <summary>
/// Keeps the engine's seam on the registry's current model: loads it at start, before the engine scores,
/// then checks the registry every <see cref="PollInterval"/> so a model promoted or rolled back by another
/// process (the host's <c>train</c> and <c>rollback-model</c> verbs) is picked up without a restart.
/// </summary>
internal sealed class WinModelLoader(LiveWinModel live, IServiceScopeFactory scopes, TimeProvider time, ILogger<WinModelLoader> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Loads the current model if its version differs from the live one.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SignalsDbContext>();
            var version = await db.Models.AsNoTracking().Where(m => m.Status == (int)ModelStatus.Current).Select(m => m.Version).FirstOrDefaultAsync(cancellationToken);
            if (version == live.Current?.Version)
            {
                return;
            }

            var model = await new ModelRegistry(db).LoadCurrentAsync(cancellationToken);
            live.Set(model);
            if (model is not null)
            {
                Log.ModelLoaded(logger, model.Version);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ModelLoadFailed(logger, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
