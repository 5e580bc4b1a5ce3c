using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bitten.Host.Tests.Infrastructure;

/// <summary>
/// The whole host on an in-memory test server, with its own temporary data, backup and log folders.
/// Use one per test class (<c>IClassFixture</c>); derive or call <see cref="WithSetting"/> to change configuration.
/// </summary>
public class BittenAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    public BittenAppFactory()
    {
        Directory = new TemporaryDirectory("bitten-host");
        _settings["Storage:DataDirectory"] = Directory.Combine("data");
        _settings["Storage:BackupDirectory"] = Directory.Combine("backups");
        _settings["Logging:Directory"] = Directory.Combine("logs");
        foreach (var port in new[] { "CommandPort", "FeedPort", "SignalPort", "ReportPort", "MarketPort" })
        {
            _settings[$"Zmq:{port}"] = "0"; // each test host binds free ports (see BoundEndpoints)
        }

        // The embedded simulator as before the demo's warm-up and weekend market: quiet unless a test asks for them
        // (the whole-trade test does), so tests that expect no signals are not racing a flood of synthetic history.
        _settings["Simulator:WarmUp"] = "00:00:00";
        _settings["Simulator:OpenAtWeekends"] = "false";
    }

    public TemporaryDirectory Directory { get; }

    public string DataDirectory => _settings["Storage:DataDirectory"]!;

    public BittenAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Dispose();
        }
    }
}
