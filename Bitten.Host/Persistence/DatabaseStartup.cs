namespace Bitten.Host.Persistence;

/// <summary>
/// Checks and migrates every module database in <see cref="IHostedLifecycleService.StartingAsync"/>,
/// i.e. before any hosted service (and the web server) starts, however the host is started.
/// </summary>
internal sealed class DatabaseStartup(ModuleDatabaseMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAllAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
