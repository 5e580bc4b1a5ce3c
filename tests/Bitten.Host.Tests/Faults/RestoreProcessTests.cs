using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Host.Composition;
using Bitten.Host.Persistence;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// Fault: one module's database file is corrupt. The host refuses to start naming the file; <c>restore</c> from the last
/// backup (refused while a host runs) moves the damaged files aside and copies the backup in; the host starts with the
/// backup's data. The host, the refused start and the restore are real processes, as an operator runs them; the online
/// backup and the refused restore run in-process (the same services) to keep the test short.
/// </summary>
[Collection(InProcessHostBuilds.Name)]
public sealed class RestoreProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Verb = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _directory = new("bitten-restore");
    private readonly FaultHost _host;

    public RestoreProcessTests() => _host = new FaultHost(_directory);

    [Fact]
    public async Task CorruptModuleDatabase_RefusesToStart_ThenRestoreBringsBackTheBackup()
    {
        // A running host with a user whose risk setting is 1.5 %: backed up while it runs (the backup verb is online).
        using (var client = await _host.StartAsync())
        {
            await client.SignInAsync(5150, "Restorer");
            await SetRiskAsync(client, 1.5m);
            await using (var tools = BittenApplication.Build(_host.Arguments()))
            {
                var folder = (await tools.Services.GetRequiredService<DatabaseBackupService>().BackupAllAsync(CancellationToken.None)).Folder;
                await SetRiskAsync(client, 0.5m); // after the backup: the restore must bring back 1.5

                using var output = new StringWriter();
                (await tools.Services.GetRequiredService<DatabaseRestoreService>().RestoreAsync(folder, output, output, CancellationToken.None))
                    .ShouldBe(DatabaseRestoreService.ExitHostRunning, output.ToString());
                output.ToString().ShouldContain("a BITTEN host is running");
            }

            Directory.GetDirectories(_host.DataDirectory, "replaced-*").ShouldBeEmpty("nothing is touched under a running host");
        }

        await _host.StopAsync();

        // A disk error destroys users.db (header kept, every page scrambled).
        var users = Path.Combine(_host.DataDirectory, "users.db");
        File.Delete(users + "-wal");
        File.Delete(users + "-shm");
        var bytes = await File.ReadAllBytesAsync(users);
        for (var i = 100; i < bytes.Length; i++)
        {
            bytes[i] = 0xA5;
        }

        await File.WriteAllBytesAsync(users, bytes);

        var refused = HostProcess.Start(_directory.Path, _host.Arguments());
        await using (refused)
        {
            (await refused.WaitForExitAsync(Verb)).ShouldBe(74, refused.StandardOutput + refused.StandardError);
            refused.StandardError.ShouldContain(users);
        }

        var backupFolder = Directory.GetDirectories(_directory.Combine("backups")).Single();
        var restore = await RunVerbAsync("restore", backupFolder);

        restore.Exit.ShouldBe(0, restore.Output);
        restore.Output.ShouldContain($"moved    {users} (damaged");
        restore.Output.ShouldContain($"restored {users}");
        var aside = Directory.GetDirectories(_host.DataDirectory, "replaced-*").ShouldHaveSingleItem();
        (await File.ReadAllBytesAsync(Path.Combine(aside, "users.db"))).ShouldBe(bytes, "the damaged file is kept, never deleted");

        using var again = await _host.StartAsync();
        await again.SignInAsync(5150, "Restorer");
        (await RiskAsync(again)).ShouldBe(1.5m, "the data is the backup's");
    }

    private async Task<(int Exit, string Output)> RunVerbAsync(params string[] verb)
    {
        await using var process = HostProcess.Start(_directory.Path, _host.Arguments(verb));
        var exit = await process.WaitForExitAsync(Verb);
        return (exit, process.StandardOutput + process.StandardError);
    }

    private static async Task SetRiskAsync(HttpClient client, decimal percent)
    {
        using var response = await client.PatchAsJsonAsync(new Uri("/api/me/settings", UriKind.Relative), new { risk_percent = percent });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<decimal> RiskAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me/settings", UriKind.Relative)));
        return json.RootElement.GetProperty("risk_percent").GetDecimal();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }
}
