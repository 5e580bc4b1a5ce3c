using System.Diagnostics.Metrics;
using Bitten.Host.Observability;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Observability;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public void Scrape_WhenCounterHasTaggedMeasurements_RendersOneTotalPerLabelSet()
    {
        using var exporter = new PrometheusExporter(Meters);
        var counter = Meters.Create("Bitten.Test").CreateCounter<long>("bitten.ticks_rejected", description: "Ticks rejected by reason");

        counter.Add(2, new KeyValuePair<string, object?>("reason", "spread"));
        counter.Add(3, new KeyValuePair<string, object?>("reason", "spread"));
        counter.Add(1, new KeyValuePair<string, object?>("reason", "ask_below_bid"));

        var text = exporter.Scrape();
        text.ShouldContain("# HELP bitten_ticks_rejected_total Ticks rejected by reason\n");
        text.ShouldContain("# TYPE bitten_ticks_rejected_total counter\n");
        text.ShouldContain("bitten_ticks_rejected_total{reason=\"spread\"} 5\n");
        text.ShouldContain("bitten_ticks_rejected_total{reason=\"ask_below_bid\"} 1\n");
    }

    [Fact]
    public void Scrape_WhenHistogramRecorded_RendersCumulativeBucketsSumAndCount()
    {
        using var exporter = new PrometheusExporter(Meters);
        var histogram = Meters.Create("Bitten.Test").CreateHistogram<double>(
            "bitten_fire_latency_ms", "ms", "Fire latency", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10] });

        foreach (var value in new[] { 0.5, 1, 4, 7, 50 })
        {
            histogram.Record(value);
        }

        var text = exporter.Scrape();
        text.ShouldContain("# TYPE bitten_fire_latency_ms histogram\n");
        text.ShouldContain("bitten_fire_latency_ms_bucket{le=\"1\"} 2\n");
        text.ShouldContain("bitten_fire_latency_ms_bucket{le=\"5\"} 3\n");
        text.ShouldContain("bitten_fire_latency_ms_bucket{le=\"10\"} 4\n");
        text.ShouldContain("bitten_fire_latency_ms_bucket{le=\"+Inf\"} 5\n");
        text.ShouldContain("bitten_fire_latency_ms_sum 62.5\n");
        text.ShouldContain("bitten_fire_latency_ms_count 5\n");
    }

    [Fact]
    public void Scrape_WhenObservableGauge_ReportsTheValueAtScrapeTime()
    {
        using var exporter = new PrometheusExporter(Meters);
        var depth = 3;
        Meters.Create("Bitten.Test").CreateObservableGauge("bitten_queue_depth", () => depth);

        exporter.Scrape().ShouldContain("bitten_queue_depth 3\n");
        depth = 9;
        exporter.Scrape().ShouldContain("bitten_queue_depth 9\n");
    }

    [Fact]
    public void Scrape_WhenLabelValueHasQuotes_EscapesThem()
    {
        using var exporter = new PrometheusExporter(Meters);
        Meters.Create("Bitten.Test").CreateCounter<int>("bitten_odd").Add(1, new KeyValuePair<string, object?>("what", "a \"quoted\" \\ value"));

        exporter.Scrape().ShouldContain("bitten_odd_total{what=\"a \\\"quoted\\\" \\\\ value\"} 1\n");
    }

    [Fact]
    public void Scrape_WhenMeterCameFromAnotherFactory_IgnoresIt()
    {
        using var exporter = new PrometheusExporter(Meters);
        using var foreign = new Meter("Other.Library");
        foreign.CreateCounter<int>("bitten_foreign").Add(1);

        exporter.Scrape().ShouldNotContain("bitten_foreign");
    }

    public void Dispose() => _services.Dispose();
}

public sealed class MetricsEndpointTests(BittenAppFactory factory) : IClassFixture<BittenAppFactory>
{
    [Fact]
    public async Task Metrics_WhenScraped_AnswersPrometheusTextWithProcessGauges()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.ToString().ShouldStartWith("text/plain; version=0.0.4");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("# TYPE bitten_process_working_set_bytes gauge");
        text.ShouldContain("# TYPE bitten_uptime_seconds gauge");
    }
}
