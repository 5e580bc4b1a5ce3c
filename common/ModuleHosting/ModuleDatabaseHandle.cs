using Bitten.Contracts.Hosting;
using Microsoft.Data.Sqlite;

namespace Bitten.Modules.Common;

/// <summary>The resolved file and connection settings of one module's database.</summary>
internal sealed class ModuleDatabaseHandle<TContext>(ModuleDatabase database, int busyTimeoutMs)
{
    public ModuleDatabase Database { get; } = database;

    public int BusyTimeoutMs { get; } = busyTimeoutMs;

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = database.FilePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
    }.ToString();
}
