using Bitten.Contracts.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Host.Persistence;

/// <summary>
/// Checks every module's database file, then applies each module's migrations, before the host
/// starts serving. All files are checked first so that one bad file leaves every file untouched.
/// </summary>
internal sealed class ModuleDatabaseMigrator(IEnumerable<ModuleDatabase> databases, IServiceScopeFactory scopes, ILogger<ModuleDatabaseMigrator> logger) : IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task MigrateAllAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await MigrateCoreAsync(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }

    public void Dispose() => _once.Dispose();

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        var all = databases.ToList();
        foreach (var database in all)
        {
            DatabaseFileGuard.EnsureUsable(database.FilePath);
        }

        foreach (var database in all)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
            await EnableWalAsync(database.FilePath, cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            Log.DatabaseMigrated(logger, database.Module, database.FilePath, pending.Count);
        }
    }

    private static async Task EnableWalAsync(string path, CancellationToken cancellationToken)
    {
        // journal_mode=WAL is persistent in the file: set once, every later connection uses it.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
