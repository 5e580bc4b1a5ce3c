namespace Bitten.Host;

/// <summary>Every log line of the host itself, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database of module {Module} ready at {Path} ({Applied} migrations applied)")]
    public static partial void DatabaseMigrated(ILogger logger, string module, string path, int applied);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Backup written to {Folder}: {Files} databases, {Deleted} expired folders removed")]
    public static partial void BackupCompleted(ILogger logger, string folder, int files, int deleted);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Job {Job} scheduled ({Cron} UTC), next run {NextRun}")]
    public static partial void JobScheduled(ILogger logger, string job, string cron, DateTimeOffset nextRun);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Job {Job} failed")]
    public static partial void JobFailed(ILogger logger, string job, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "BITTEN {Version} listening on {Urls}; modules enabled: {Enabled}; disabled: {Disabled}")]
    public static partial void HostReady(ILogger logger, string version, string urls, string enabled, string disabled);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Health contributor {Contributor} failed")]
    public static partial void HealthContributorFailed(ILogger logger, string contributor, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "BITTEN demo: open {Url}/login?code={SubscriberCode} to sign in as the demo trader (admin: {Url}/login?code={AdminCode}); codes are single-use and expire at {ExpiresAt:u}. No MetaTrader, no Telegram: the built-in simulator is the feed and the terminal.")]
    public static partial void DemoLogin(ILogger logger, string url, string subscriberCode, string adminCode, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Demo accounts not seeded: {Reason}")]
    public static partial void DemoSeedSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Storage: a write of module {Module} failed because {Cause} (data directory {DataDirectory}): {Detail}. The failing operation was refused; reads keep working; writes resume once space is freed. {Suppressed} more such failures in the last 10 s were not logged")]
    public static partial void StorageWriteFailed(ILogger logger, string module, string cause, string dataDirectory, string detail, int suppressed);
}
