using System.Net;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Host.Web;

namespace Bitten.Host.Tests.Web;

public sealed class HudPagesTests : IClassFixture<BittenAppFactory>
{
    private readonly HttpClient _client;

    public HudPagesTests(BittenAppFactory factory)
    {
        _client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public static TheoryData<string> Pages() => [.. HudPages.Names];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ByItsCleanPath_IsServedWithASameOriginPolicy(string name)
    {
        using var response = await _client.GetAsync(new Uri("/" + name + "?mission=01ARZ3NDEKTSV4RRFFQ69G5FAV", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(HudPages.ContentSecurityPolicy);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"<script type=\"module\" src=\"/js/{name}.js\"></script>");
        html.ShouldNotContain("http://", Case.Insensitive, "pages load nothing from another host");
        html.ShouldNotContain("https://", Case.Insensitive, "pages load nothing from another host");
    }

    [Fact]
    public async Task Scripts_AreServedAsJavaScriptWithoutAnyExternalImport()
    {
        foreach (var script in new[] { "api", "chart", "view", "hud", "me", "notebook", "tracking", "throne", "login" })
        {
            using var response = await _client.GetAsync(new Uri($"/js/{script}.js", UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, script);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/javascript", script);
            var text = await response.Content.ReadAsStringAsync();
            text.ShouldNotMatch(@"(import|fetch)\s*\(?\s*['""]https?://", script);
        }
    }

    [Fact]
    public async Task Root_RedirectsToTheWarRoom()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location?.ToString().ShouldBe("/me");
    }
}
