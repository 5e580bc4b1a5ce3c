using System.Globalization;
using Bitten.Contracts.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bitten.Host.Persistence;

/// <summary>
/// Online backup of every module database (SQLite's backup API, consistent while the host writes)
/// into <c>{BackupDirectory}/{yyyyMMdd}/</c>, then deletes dated folders beyond the retention.
/// </summary>
internal sealed class DatabaseBackupService(
    IEnumerable<ModuleDatabase> databases,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    IHostEnvironment environment,
    ILogger<DatabaseBackupService> logger)
{
    public async Task<BackupResult> BackupAllAsync(CancellationToken cancellationToken)
    {
        var options = storage.Value;
        var root = Path.GetFullPath(options.BackupDirectory, environment.ContentRootPath);
        var folder = Path.Combine(root, time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var database in databases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(database.FilePath))
            {
                continue;
            }

            var target = Path.Combine(folder, Path.GetFileName(database.FilePath));
            var temporary = target + ".partial";
            File.Delete(temporary);
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);
                source.BackupDatabase(destination);
            }

            File.Move(temporary, target, overwrite: true);
            files.Add(target);
        }

        var deleted = ApplyRetention(root, options.BackupRetentionDays);
        Log.BackupCompleted(logger, folder, files.Count, deleted.Count);
        return new BackupResult(folder, files, deleted);
    }

    private static List<string> ApplyRetention(string root, int retentionDays)
    {
        var dated = Directory.EnumerateDirectories(root)
            .Where(d => DateOnly.TryParseExact(Path.GetFileName(d), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToList();
        var expired = dated.Skip(retentionDays).ToList();
        foreach (var folder in expired)
        {
            Directory.Delete(folder, recursive: true);
        }

        return expired;
    }
}
