using Bitten.Host.Persistence;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bitten.Host.Tests.Persistence;

public sealed class BackupTests : IDisposable
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero));
    private readonly BittenAppFactory _factory;

    public BackupTests()
    {
        _factory = new BittenAppFactory().WithSetting("Storage:BackupRetentionDays", "3");
    }

    [Fact]
    public async Task BackupAll_WhenRunOnConsecutiveDays_WritesDatedFoldersAndKeepsOnlyTheRetention()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var client = app.CreateClient();
        var backups = app.Services.GetRequiredService<DatabaseBackupService>();

        BackupResult? last = null;
        for (var day = 0; day < 5; day++)
        {
            last = await backups.BackupAllAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var root = _factory.Directory.Combine("backups");
        Directory.GetDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["20260303", "20260304", "20260305"]);
        last!.Files.Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["execution.db", "gamification.db", "missions.db", "signals.db", "users.db"]);
    }

    [Fact]
    public async Task BackupAll_WhenHostIsWriting_ProducesAReadableCopyWithTheData()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock))));
        using var client = app.CreateClient();
        var missions = Path.Combine(_factory.DataDirectory, "missions.db");
        await using (var connection = new SqliteConnection($"Data Source={missions};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO missions (id, user_id, signal_id, status, created_at_ms, expires_at_ms) VALUES ('01ARZ3NDEKTSV4RRFFQ69G5FAV', 1, '01ARZ3NDEKTSV4RRFFQ69G5FAW', 1, 0, 0)";
            await insert.ExecuteNonQueryAsync();
        }

        var result = await app.Services.GetRequiredService<DatabaseBackupService>().BackupAllAsync(CancellationToken.None);

        await using var copy = new SqliteConnection($"Data Source={Path.Combine(result.Folder, "missions.db")};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var count = copy.CreateCommand();
        count.CommandText = "SELECT count(*) FROM missions";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    public void Dispose() => _factory.Dispose();
}
