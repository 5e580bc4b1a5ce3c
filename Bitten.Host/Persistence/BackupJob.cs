using Quartz;

namespace Bitten.Host.Persistence;

/// <summary>The nightly backup (cron <c>Storage:BackupCron</c>, UTC).</summary>
[DisallowConcurrentExecution]
internal sealed class BackupJob(DatabaseBackupService backups) : IJob
{
    public Task Execute(IJobExecutionContext context) => backups.BackupAllAsync(context.CancellationToken);
}
