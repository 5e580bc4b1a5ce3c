using System.Globalization;
using Bitten.Contracts.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bitten.Host.Persistence;

/// <summary>
/// <c>restore &lt;backup-dir&gt;</c>: checks every module file of a backup folder (SQLite header, <c>PRAGMA integrity_check</c>,
/// only migrations this build knows), then — holding the data-directory lock, so never under a running host — moves the
/// current module files (with their <c>-wal</c>/<c>-shm</c>) into <c>{data}/replaced-{utc}/</c> and copies the backup in.
/// Nothing is deleted. All modules are restored from the same folder: their ids refer to each other.
/// </summary>
internal sealed class DatabaseRestoreService(
    IEnumerable<ModuleDatabase> databases,
    IServiceScopeFactory scopes,
    IOptions<StorageOptions> storage,
    IHostEnvironment environment,
    TimeProvider time)
{
    public const int ExitOk = 0;
    public const int ExitUsage = 64;
    public const int ExitBadBackup = 65;
    public const int ExitIo = 74;
    public const int ExitHostRunning = 75;

    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    public string DataDirectory => Path.GetFullPath(storage.Value.DataDirectory, environment.ContentRootPath);

    public async Task<int> RestoreAsync(string? backupFolder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(backupFolder))
        {
            await error.WriteLineAsync("restore needs the backup folder: restore <backup-dir> (e.g. backups/20260301).");
            return ExitUsage;
        }

        var source = Path.GetFullPath(backupFolder);
        if (!Directory.Exists(source))
        {
            await error.WriteLineAsync($"Backup folder '{source}' does not exist.");
            return ExitUsage;
        }

        var modules = databases.ToList();
        await output.WriteLineAsync($"Checking backup {source} ({modules.Count} module databases):");
        var problems = new List<string>();
        foreach (var database in modules)
        {
            var file = Path.Combine(source, Path.GetFileName(database.FilePath));
            var problem = await CheckBackupFileAsync(database, file, cancellationToken);
            if (problem is null)
            {
                await output.WriteLineAsync($"  ok       {file}");
            }
            else
            {
                problems.Add($"{file}: {problem}");
                await output.WriteLineAsync($"  REFUSED  {file}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"Restore refused: {problems.Count} file(s) of the backup are not usable; nothing was changed.\n  " + string.Join("\n  ", problems));
            return ExitBadBackup;
        }

        var data = DataDirectory;
        using var hold = DataDirectoryLock.TryAcquire(data);
        if (hold is null)
        {
            await error.WriteLineAsync($"Restore refused: a BITTEN host is running on {data} (it holds {Path.Combine(data, DataDirectoryLock.FileName)}). Stop it first; nothing was changed.");
            return ExitHostRunning;
        }

        var aside = Path.Combine(data, "replaced-" + time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        try
        {
            foreach (var database in modules)
            {
                await MoveAsideAsync(database.FilePath, aside, output);
            }

            foreach (var database in modules)
            {
                var from = Path.Combine(source, Path.GetFileName(database.FilePath));
                var partial = database.FilePath + ".restoring";
                File.Copy(from, partial, overwrite: true);
                File.Move(partial, database.FilePath, overwrite: false);
                await output.WriteLineAsync($"  restored {database.FilePath} from {from}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Restore failed part-way: {ex.Message}\n  The files that were in {data} are in {aside}; copy them back, or run restore again once the cause is fixed.");
            return ExitIo;
        }

        await output.WriteLineAsync($"Restore complete: {modules.Count} databases from {source}. The previous files are kept in {aside} (delete them yourself once the restore is verified).");
        await output.WriteLineAsync("Start the host: migrations newer than the backup are applied at start.");
        return ExitOk;
    }

    private static async Task MoveAsideAsync(string file, string aside, TextWriter output)
    {
        var state = Describe(file);
        foreach (var path in new[] { file }.Concat(Companions.Select(c => file + c)))
        {
            if (!File.Exists(path))
            {
                continue;
            }

            Directory.CreateDirectory(aside);
            File.Move(path, Path.Combine(aside, Path.GetFileName(path)));
        }

        if (state is not null)
        {
            await output.WriteLineAsync($"  moved    {file} ({state}) to {aside}");
        }
    }

    /// <summary>What the current file is (for the operator's record): null when absent.</summary>
    private static string? Describe(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            DatabaseFileGuard.EnsureUsable(file);
            return "it passed the quick check";
        }
        catch (DatabaseFileException ex)
        {
            return "damaged: " + ex.Message.Split(". BITTEN", 2)[0].Replace($"Database file '{file}' ", string.Empty, StringComparison.Ordinal);
        }
    }

    private async Task<string?> CheckBackupFileAsync(ModuleDatabase database, string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return "missing (every module is restored from the same backup: their ids refer to each other)";
        }

        try
        {
            DatabaseFileGuard.EnsureUsable(file);
        }
        catch (DatabaseFileException ex)
        {
            return ex.Message;
        }

        if (new FileInfo(file).Length == 0)
        {
            return "is empty";
        }

        if (new FileInfo(file + "-wal") is { Exists: true, Length: > 0 })
        {
            // Checked before anything opens the file: its committed rows may live only in that log, which a copy of the
            // file alone would drop. BITTEN's own backups (the SQLite backup API) never carry one.
            return $"has a write-ahead log ({Path.GetFileName(file)}-wal) whose rows are not in the file: open it once with sqlite3 and run "
                + "'PRAGMA wal_checkpoint(TRUNCATE);' (or make the backup with BITTEN's backup), then restore again";
        }

        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(ct);
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = "PRAGMA integrity_check;";
                var lines = new List<string>();
                await using var reader = await check.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct) && lines.Count < 5)
                {
                    lines.Add(reader.GetString(0));
                }

                if (lines is not ["ok"])
                {
                    return "fails PRAGMA integrity_check: " + string.Join("; ", lines);
                }
            }

            var applied = new List<string>();
            await using (var history = connection.CreateCommand())
            {
                history.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
                if (await history.ExecuteScalarAsync(ct) is null)
                {
                    return "has no schema version (no __EFMigrationsHistory table): not a BITTEN database";
                }

                history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
                await using var reader = await history.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var known = KnownMigrations(database);
            var unknown = applied.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                return $"has schema version(s) this build does not know ({string.Join(", ", unknown)}): it was written by a newer BITTEN; restore with that version";
            }

            if (applied.Count == 0)
            {
                return "has no schema version (no migration applied)";
            }

            return null;
        }
        catch (SqliteException ex)
        {
            return $"cannot be read as SQLite ({ex.Message})";
        }
    }

    private HashSet<string> KnownMigrations(ModuleDatabase database)
    {
        using var scope = scopes.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        return context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }
}
