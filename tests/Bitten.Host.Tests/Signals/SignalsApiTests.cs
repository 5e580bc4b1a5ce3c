using System.Net;
using System.Text.Json;
using Bitten.Host.Tests.Infrastructure;

namespace Bitten.Host.Tests.Signals;

public sealed class SignalsApiTests : IDisposable
{
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram();

    [Fact]
    public async Task Signals_WhenNotSignedIn_Answers401()
    {
        using var client = _factory.CreateClient();

        (await client.GetAsync(new Uri("/api/signals", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync(new Uri("/api/market/EURUSD/bars", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signals_WhenSignedInAndNoneYet_AnswersAnEmptyPage()
    {
        using var client = await _factory.CreateClient().SignInAsync(1001);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/signals?symbol=EURUSD&status=open", UriKind.Relative)));

        json.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
        json.RootElement.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/signals?status=maybe", "status")]
    [InlineData("/api/signals?page_size=5000", "page_size")]
    [InlineData("/api/signals/not-an-id", "id")]
    [InlineData("/api/market/BTCUSD/bars", "symbol")]
    [InlineData("/api/market/EURUSD/bars?tf=D1", "tf")]
    [InlineData("/api/market/EURUSD/bars?count=0", "count")]
    [InlineData("/api/stats/report?from=2026-02-01&to=2026-01-01", "from")]
    public async Task Query_WhenAValueBreaksItsRule_Answers400NamingTheParameter(string url, string parameter)
    {
        using var client = await _factory.CreateClient().SignInAsync(1002);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("parameter").GetString().ShouldBe(parameter);
    }

    [Fact]
    public async Task Signal_WhenUnknownId_Answers404()
    {
        using var client = await _factory.CreateClient().SignInAsync(1003);

        (await client.GetAsync(new Uri("/api/signals/01ARZ3NDEKTSV4RRFFQ69G5FAV", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PatternStats_WhenNoOutcomes_AnswersAnEmptyTableWithAFullInterval()
    {
        using var client = await _factory.CreateClient().SignInAsync(1004);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stats/patterns", UriKind.Relative)));

        json.RootElement.GetProperty("overall").GetProperty("count").GetInt32().ShouldBe(0);
        json.RootElement.GetProperty("overall").GetProperty("win_rate_ci95")[1].GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task Report_WhenNoOutcomes_AnswersTheBacktestReportShapeWithAnEmptyCurve()
    {
        using var client = await _factory.CreateClient().SignInAsync(1005);

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stats/report?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", UriKind.Relative)));

        json.RootElement.GetProperty("kind").GetString().ShouldBe("live");
        json.RootElement.GetProperty("overall").GetProperty("count").GetInt32().ShouldBe(0);
        json.RootElement.GetProperty("equity_r").GetArrayLength().ShouldBe(0);
        json.RootElement.GetProperty("monte_carlo").GetProperty("paths").GetInt32().ShouldBe(10_000);
        foreach (var key in new[] { "by_pattern", "by_symbol", "by_session", "calibration" })
        {
            json.RootElement.GetProperty(key).GetArrayLength().ShouldBe(0);
        }
    }

    public void Dispose() => _factory.Dispose();
}
