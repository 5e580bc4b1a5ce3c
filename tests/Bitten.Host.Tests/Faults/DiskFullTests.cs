using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Faults;

/// <summary>
/// Fault: the data directory's disk fills up. The data folder is a real tmpfs of a fixed size (so SQLite meets a real
/// ENOSPC → SQLITE_FULL, exactly as on a full disk or quota), the host a real process. Writes fail with a clear error,
/// logged and counted; reads and the host go on; once space is freed, writes work again without a restart.
/// </summary>
public sealed class DiskFullTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _directory = new("bitten-diskfull");
    private FaultHost _host = null!;
    private bool _mounted;

    public Task InitializeAsync()
    {
        _host = new FaultHost(_directory);
        return Task.CompletedTask;
    }

    [TmpfsFact]
    public async Task DataDirectoryFull_WritesFailWith503_ReadsGoOn_AndWritesResumeWhenSpaceIsFreed()
    {
        Directory.CreateDirectory(_host.DataDirectory);
        Run("mount", "-t", "tmpfs", "-o", "size=48m", "bitten-faults", _host.DataDirectory);
        _mounted = true;
        using var client = await _host.StartAsync();
        await client.SignInAsync(6160, "Quota");
        (await PatchRiskAsync(client, 1.5m)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var filler = Path.Combine(_host.DataDirectory, "filler.bin");
        FillDisk(filler);

        using (var refused = await PatchRiskAsync(client, 0.5m))
        {
            var body = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
            refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            using var problem = JsonDocument.Parse(body);
            problem.RootElement.GetProperty("title").GetString().ShouldBe("Storage full");
            problem.RootElement.GetProperty("storage").GetString().ShouldBe("full");
            refused.Headers.RetryAfter.ShouldNotBeNull();
        }

        (await RiskAsync(client)).ShouldBe(1.5m, "reads are served, and the failed write changed nothing");
        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            var storage = json.RootElement.GetProperty("checks").GetProperty("storage");
            storage.GetProperty("status").GetString().ShouldBe("Degraded", storage.ToString());
            storage.GetProperty("data").GetProperty("write_failures").GetInt64().ShouldBeGreaterThan(0);
        }

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("bitten_storage_write_failures_total{module=\"Users\",reason=\"full\"}");
        await Wait.UntilAsync(() => _host.Process!.StandardOutput.Contains("Storage: a write of module Users failed because the disk or quota is full", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the failure is logged");
        _host.Process!.HasExited.ShouldBeFalse("the host stays up");

        File.Delete(filler);

        using (var resumed = await PatchRiskAsync(client, 0.5m))
        {
            resumed.StatusCode.ShouldBe(HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());
        }

        (await RiskAsync(client)).ShouldBe(0.5m);
    }

    /// <summary>Writes until the file system refuses even one more byte.</summary>
    private static void FillDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        foreach (var size in new[] { 1 << 20, 1 << 12, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    stream.Write(chunk);
                }
            }
            catch (IOException)
            {
                // ENOSPC at this chunk size: go on with a smaller one
            }
        }
    }

    private static Task<HttpResponseMessage> PatchRiskAsync(HttpClient client, decimal percent) =>
        client.PatchAsJsonAsync(new Uri("/api/me/settings", UriKind.Relative), new { risk_percent = percent });

    private static async Task<decimal> RiskAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me/settings", UriKind.Relative)));
        return json.RootElement.GetProperty("risk_percent").GetDecimal();
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_mounted)
        {
            Run("umount", "-l", _host.DataDirectory);
        }

        _directory.Dispose();
    }
}
