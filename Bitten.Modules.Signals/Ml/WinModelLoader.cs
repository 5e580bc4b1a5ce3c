using Bitten.Modules.Signals.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bitten.Modules.Signals.Ml;

/// <summary>At start, before the engine runs: loads the registry's current model into the engine's seam.</summary>
internal sealed class WinModelLoader(LiveWinModel live, IServiceScopeFactory scopes, ILogger<WinModelLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var model = await new ModelRegistry(scope.ServiceProvider.GetRequiredService<SignalsDbContext>()).LoadCurrentAsync(cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
