using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Bitten.Contracts.Hosting;
using Bitten.Host.Observability;
using Microsoft.Extensions.Options;

namespace Bitten.Host.Persistence;

/// <summary>
/// Failed writes caused by the storage (a full disk or quota, a failing device), from every module's database layer:
/// counted (<c>bitten_storage_write_failures_total{module,reason}</c>), logged (at most once per 10 s per module and reason,
/// with the number suppressed), and shown in <c>/healthz</c> as <c>storage</c> (free space of the data directory; degraded
/// for a minute after a failed write). Reads keep working while writes fail; writes resume by themselves once space is freed.
/// </summary>
internal sealed class StorageMonitor : IStorageFailureSink, IHealthContributor
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecentFailure = TimeSpan.FromMinutes(1);
    private readonly Counter<long> _failures;
    private readonly ConcurrentDictionary<(string Module, string Reason), LogWindow> _windows = new();
    private readonly TimeProvider _time;
    private readonly ILogger<StorageMonitor> _logger;
    private readonly string _dataDirectory;
    private long _lastFailureMs = long.MinValue;
    private long _total;

    public StorageMonitor(IMeterFactory meters, TimeProvider time, IOptions<StorageOptions> storage, IHostEnvironment environment, ILogger<StorageMonitor> logger)
    {
        _time = time;
        _logger = logger;
        _dataDirectory = Path.GetFullPath(storage.Value.DataDirectory, environment.ContentRootPath);
        var meter = meters.Create(ObservabilityRegistration.HostMeterName);
        _failures = meter.CreateCounter<long>("bitten_storage_write_failures_total", description: "Database writes that failed because the storage is full (reason=full) or failing (reason=io), by module");
    }

    public string Name => "storage";

    public long Failures => Interlocked.Read(ref _total);

    public void WriteFailed(string module, string reason, string detail)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("module", module), new KeyValuePair<string, object?>("reason", reason));
        Interlocked.Increment(ref _total);
        var now = _time.GetUtcNow();
        Interlocked.Exchange(ref _lastFailureMs, now.ToUnixTimeMilliseconds());
        var window = _windows.GetOrAdd((module, reason), _ => new LogWindow());
        int suppressed;
        lock (window)
        {
            if (now - window.LoggedAt < LogEvery)
            {
                window.Suppressed++;
                return;
            }

            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LoggedAt = now;
        }

        Log.StorageWriteFailed(_logger, module, reason == "full" ? "the disk or quota is full" : "the device reported an I/O error", _dataDirectory, detail, suppressed);
    }

    public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object?> { ["data_directory"] = _dataDirectory, ["write_failures"] = Failures };
        try
        {
            data["free_bytes"] = new DriveInfo(_dataDirectory).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            data["free_bytes"] = null;
        }

        var last = Interlocked.Read(ref _lastFailureMs);
        if (last != long.MinValue)
        {
            var at = DateTimeOffset.FromUnixTimeMilliseconds(last);
            data["last_write_failure"] = at;
            if (_time.GetUtcNow() - at < RecentFailure)
            {
                return Task.FromResult(HealthContribution.Degraded($"writes to {_dataDirectory} failed at {at:u} (disk full or failing); reads still work", data));
            }
        }

        return Task.FromResult(HealthContribution.Healthy(data));
    }

    private sealed class LogWindow
    {
        public DateTimeOffset LoggedAt { get; set; } = DateTimeOffset.MinValue;

        public int Suppressed { get; set; }
    }
}
