using System.Diagnostics.Metrics;
using System.Net;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Observability;

public sealed class MetricsFromStartTests(BittenAppFactory factory) : IClassFixture<BittenAppFactory>
{
    [Fact]
    public async Task Metrics_CountedBeforeTheFirstScrape_AreExported()
    {
        _ = factory.Services; // the host is running; nobody has asked for /metrics yet
        using var meter = factory.Services.GetRequiredService<IMeterFactory>().Create("Bitten.FromStartTest");
        meter.CreateCounter<long>("bitten_from_start_test").Add(3);

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("bitten_from_start_test_total 3");
    }
}
