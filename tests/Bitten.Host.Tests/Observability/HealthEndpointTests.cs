using System.Net;
using System.Text.Json;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Observability;

public sealed class HealthEndpointTests(BittenAppFactory factory) : IClassFixture<BittenAppFactory>
{
    [Fact]
    public async Task Healthz_WhenAllModulesRun_Answers200WithOneEntryPerModule()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        // With no feed connected the feed entry is Degraded on weekdays (symbols suspended), Healthy at weekends.
        json.RootElement.GetProperty("status").GetString().ShouldBeOneOf("Healthy", "Degraded");
        json.RootElement.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
        json.RootElement.GetProperty("uptime_s").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var checks = json.RootElement.GetProperty("checks");
        foreach (var module in new[] { "signals", "missions", "execution", "users", "gamification" })
        {
            checks.GetProperty(module).GetProperty("status").GetString().ShouldBe("Healthy");
            checks.GetProperty(module).GetProperty("data").GetProperty("db_latency_ms").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        }

        checks.GetProperty("feed").GetProperty("data").GetProperty("symbols").GetProperty("EURUSD").GetProperty("tick_age_s").ValueKind
            .ShouldBe(JsonValueKind.Null, "no tick has arrived yet");
    }

    [Fact]
    public async Task Startup_WhenDataDirectoryEmpty_CreatesOneDatabasePerModule()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).EnsureSuccessStatusCode();

        Directory.GetFiles(factory.DataDirectory, "*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["execution.db", "gamification.db", "missions.db", "signals.db", "users.db"]);
    }

    [Fact]
    public async Task OpenApi_WhenRequested_DescribesTheHealthEndpoint()
    {
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("paths").TryGetProperty("/healthz", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task UnknownRoute_WhenRequested_AnswersProblemDetails()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-thing", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
