using Bitten.Contracts.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bitten.Modules.Common;

/// <summary>
/// Registers a module's own SQLite database: its DbContext on <c>{Storage:DataDirectory}/{file}</c>
/// (or <c>ConnectionStrings:{Module}</c>), busy timeout and pragmas on every connection, the
/// <see cref="ModuleDatabase"/> the host migrates and backs up, and a health contributor.
/// Compiled into each module from one source file (modules may not reference each other).
/// </summary>
internal static class ModuleSqlite
{
    public static IHostApplicationBuilder AddModuleSqlite<TContext>(this IHostApplicationBuilder builder, string module, string fileName)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString(module);
            // Relative paths are relative to the content root, however the process was launched.
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var path = configured is null
                ? Path.GetFullPath(Path.Combine(storage.DataDirectory, fileName), root)
                : Path.GetFullPath(ConnectionStringPath(configured, module), root);
            return new ModuleDatabaseHandle<TContext>(new ModuleDatabase(module, path, typeof(TContext)), storage.BusyTimeoutMs);
        });
        services.AddSingleton(sp => sp.GetRequiredService<ModuleDatabaseHandle<TContext>>().Database);
        services.AddDbContext<TContext>((sp, options) =>
        {
            var handle = sp.GetRequiredService<ModuleDatabaseHandle<TContext>>();
            options.UseSqlite(handle.ConnectionString)
                .AddInterceptors(new SqlitePragmaInterceptor(handle.BusyTimeoutMs));
            if (sp.GetService<IStorageFailureSink>() is { } sink)
            {
                options.AddInterceptors(new StorageFailureInterceptor(module, sink)); // the host counts and logs a full or failing disk
            }

            options
                // Migrations are written by hand without a model snapshot; the schema-drift test
                // per module is the guard that EF's pending-model-changes check would otherwise be.
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        services.AddSingleton<IHealthContributor>(sp =>
            new DatabaseHealthContributor<TContext>(module.ToLowerInvariant(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<ModuleDatabaseHandle<TContext>>()));
        return builder;
    }

    private static string ConnectionStringPath(string connectionString, string module)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(csb.DataSource))
        {
            throw new OptionsValidationException($"ConnectionStrings:{module}", typeof(string),
                [$"ConnectionStrings:{module} must name a SQLite file (Data Source=...)."]);
        }

        return csb.DataSource;
    }
}
