using Bitten.Contracts.Hosting;

namespace Bitten.Host.Persistence;

/// <summary>Host-side persistence services: migrator, file guard, backups and the nightly backup job.</summary>
internal static class PersistenceRegistration
{
    public static IHostApplicationBuilder AddBittenPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ModuleDatabaseMigrator>();
        builder.Services.AddHostedService<DatabaseStartup>();
        builder.Services.AddSingleton<DatabaseBackupService>();
        builder.Services.AddSingleton<DatabaseRestoreService>();
        builder.Services.AddSingleton<StorageMonitor>();
        builder.Services.AddSingleton<IStorageFailureSink>(sp => sp.GetRequiredService<StorageMonitor>());
        builder.Services.AddSingleton<IHealthContributor>(sp => sp.GetRequiredService<StorageMonitor>());
        builder.Services.AddExceptionHandler<StorageExceptionHandler>();
        builder.Services.AddTransient<BackupJob>();
        builder.Services.AddSingleton(sp => new ScheduledJob(
            "storage.backup",
            typeof(BackupJob),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value.BackupCron));
        return builder;
    }
}
