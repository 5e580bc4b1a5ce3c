using Microsoft.Extensions.Hosting;

namespace Bitten.Modules.Common;

/// <summary>Runs a module's "started" log line once the host has started (after migrations).</summary>
internal sealed class ModuleStartedLogger(Action announce) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        announce();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
