namespace Bitten.Host.Observability;

/// <summary><c>GET /metrics</c> in the Prometheus text exposition format.</summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/metrics", (PrometheusExporter exporter) =>
                Results.Text(exporter.Scrape(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithName("Metrics")
            .WithSummary("Prometheus text exposition of every BITTEN instrument.");
        return endpoints;
    }
}
