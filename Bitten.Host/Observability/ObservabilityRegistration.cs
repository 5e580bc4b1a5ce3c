using System.Diagnostics.Metrics;

namespace Bitten.Host.Observability;

/// <summary>Health aggregation, the Prometheus exporter and the host's own process gauges.</summary>
internal static class ObservabilityRegistration
{
    public const string HostMeterName = "Bitten.Host";

    public static IHostApplicationBuilder AddBittenObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<HostClock>();
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddSingleton<ProcessGauges>();
        builder.Services.AddHostedService<ProcessGaugesStarter>();
        return builder;
    }

    /// <summary>
    /// Creates the process gauges and the exporter once the container is built: the exporter listens from the start, so
    /// counters incremented before the first scrape of <c>/metrics</c> (signals published, missions created) are not lost.
    /// </summary>
    private sealed class ProcessGaugesStarter(ProcessGauges gauges, PrometheusExporter exporter) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = gauges;
            _ = exporter;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>When this process started, for uptime.</summary>
internal sealed class HostClock(TimeProvider time)
{
    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();
}

/// <summary>Process-level gauges (memory, GC, threads, uptime) in the host's meter.</summary>
internal sealed class ProcessGauges
{
    public ProcessGauges(IMeterFactory meters, HostClock clock, TimeProvider time)
    {
        var meter = meters.Create(ObservabilityRegistration.HostMeterName);
        meter.CreateObservableGauge("bitten_process_working_set_bytes", () => Environment.WorkingSet, "By", "Resident memory of the host process");
        meter.CreateObservableGauge("bitten_process_gc_heap_bytes", () => GC.GetTotalMemory(false), "By", "Managed heap size");
        meter.CreateObservableGauge("bitten_process_threads", () => ThreadPool.ThreadCount, description: "Thread-pool threads");
        meter.CreateObservableGauge("bitten_uptime_seconds", () => (time.GetUtcNow() - clock.StartedAt).TotalSeconds, "s", "Seconds since start");
    }
}
