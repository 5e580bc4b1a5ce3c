using System.Net;
using Bitten.Contracts.Hosting;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Observability;

public sealed class UnhealthyContributorTests : IDisposable
{
    private readonly BittenAppFactory _factory = new();

    [Fact]
    public async Task Healthz_WhenAContributorIsUnhealthy_Answers503AndNamesIt()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IHealthContributor>(new FixedContributor("feed", HealthContribution.Unhealthy("no ticks for 90 s")))));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("\"status\":\"Unhealthy\"");
        body.ShouldContain("no ticks for 90 s");
    }

    [Fact]
    public async Task Healthz_WhenAContributorThrows_Answers503InsteadOfFailing()
    {
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IHealthContributor>(new ThrowingContributor())));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("check failed: boom");
    }

    public void Dispose() => _factory.Dispose();

    private sealed class FixedContributor(string name, HealthContribution result) : IHealthContributor
    {
        public string Name => name;

        public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(result);
    }

    private sealed class ThrowingContributor : IHealthContributor
    {
        public string Name => "broken";

        public Task<HealthContribution> CheckAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }
}
