using Bitten.Host.Composition;
using Bitten.Host.Persistence;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Faults;

/// <summary>The restore verb's refusals: a backup that is not usable changes nothing.</summary>
[Collection(InProcessHostBuilds.Name)]
public sealed class RestoreVerbTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("bitten-restore-verb");
    private WebApplication _app = null!;
    private string _backup = null!;

    private string Data => _directory.Combine("data");

    public async Task InitializeAsync()
    {
        _app = BittenApplication.Build(
        [
            $"--Storage:DataDirectory={Data}",
            $"--Storage:BackupDirectory={_directory.Combine("backups")}",
            $"--Logging:Directory={_directory.Combine("logs")}",
        ]);
        await _app.Services.GetRequiredService<ModuleDatabaseMigrator>().MigrateAllAsync(CancellationToken.None);
        _backup = (await _app.Services.GetRequiredService<DatabaseBackupService>().BackupAllAsync(CancellationToken.None)).Folder;
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Restore_WhenABackupFileFailsTheIntegrityCheck_RefusesNamingItAndChangesNothing()
    {
        var missions = Path.Combine(_backup, "missions.db");
        var bytes = await File.ReadAllBytesAsync(missions);
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0x5A;
        }

        await File.WriteAllBytesAsync(missions, bytes);
        var before = Directory.GetFiles(Data).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();

        var (exit, output) = await RestoreAsync(_backup);

        exit.ShouldBe(DatabaseRestoreService.ExitBadBackup, output);
        output.ShouldContain($"REFUSED  {missions}");
        output.ShouldContain("nothing was changed");
        Directory.GetFiles(Data).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList().ShouldBe(before);
        Directory.GetDirectories(Data, "replaced-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_WhenABackupCarriesASchemaVersionThisBuildDoesNotKnow_Refuses()
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_backup, "signals.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_FromTheFuture', '99.0')";
            await insert.ExecuteNonQueryAsync();
        }

        var (exit, output) = await RestoreAsync(_backup);

        exit.ShouldBe(DatabaseRestoreService.ExitBadBackup, output);
        output.ShouldContain("29990101000000_FromTheFuture");
        output.ShouldContain("newer BITTEN");
    }

    [Fact]
    public async Task Restore_WhenABackupFileHasAnUncheckpointedWriteAheadLog_RefusesRatherThanDropItsRows()
    {
        var users = Path.Combine(_backup, "users.db");
        await File.WriteAllBytesAsync(users + "-wal", new byte[4096]);

        var (exit, output) = await RestoreAsync(_backup);

        exit.ShouldBe(DatabaseRestoreService.ExitBadBackup, output);
        output.ShouldContain($"REFUSED  {users}: has a write-ahead log");
        Directory.GetDirectories(Data, "replaced-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_WhenAModuleFileIsMissingOrTheFolderIsWrong_Refuses()
    {
        File.Delete(Path.Combine(_backup, "gamification.db"));

        (await RestoreAsync(_backup)).Exit.ShouldBe(DatabaseRestoreService.ExitBadBackup);
        (await RestoreAsync(_directory.Combine("no-such-folder"))).Exit.ShouldBe(DatabaseRestoreService.ExitUsage);
        (await RestoreAsync(null)).Exit.ShouldBe(DatabaseRestoreService.ExitUsage);
    }

    [Fact]
    public async Task Restore_OfAGoodBackup_MovesEveryCurrentFileAsideAndCopiesTheBackupIn()
    {
        var (exit, output) = await RestoreAsync(_backup);

        exit.ShouldBe(DatabaseRestoreService.ExitOk, output);
        var aside = Directory.GetDirectories(Data, "replaced-*").ShouldHaveSingleItem();
        Directory.GetFiles(aside, "*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["execution.db", "gamification.db", "missions.db", "signals.db", "users.db"]);
        (await File.ReadAllBytesAsync(Path.Combine(Data, "users.db"))).ShouldBe(await File.ReadAllBytesAsync(Path.Combine(_backup, "users.db")));
    }

    private async Task<(int Exit, string Output)> RestoreAsync(string? folder)
    {
        using var output = new StringWriter();
        var exit = await _app.Services.GetRequiredService<DatabaseRestoreService>().RestoreAsync(folder, output, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _directory.Dispose();
    }
}
