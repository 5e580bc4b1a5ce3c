using System.Net;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Bitten.Host.Tests.Hud;

/// <summary>
/// The web HUD in a real browser against the real host: a trader signs in with Telegram initData, opens a
/// mission, fires it and watches it fill on the simulator, sees the position, writes a journal entry and
/// reads the tracking table; a non-admin is refused /throne and an admin signs in with a login link.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HudBrowserTests(HudHost host) : IClassFixture<HudHost>
{
    /// <summary>Endpoints other engineers are adding: until they land, their 404 is expected.</summary>
    private static readonly string[] OptionalEndpoints = ["/api/stats/report", "/api/ml/models", "/api/admin/audit"];

    private static readonly LocatorAssertionsToHaveTextOptions Filled = new() { Timeout = 30_000 };

    [ChromiumFact]
    public async Task Trader_FiresAMissionFromTheHud_SeesItFillThenUsesEveryPage()
    {
        await using var browser = await BrowserSession.StartAsync(host.BaseAddress, host.InitData(host.TraderTelegramId, "Demo Trader"), OptionalEndpoints);
        var page = browser.Page;

        // The briefing: chart with its overlays, the numbers, a live countdown, FIRE enabled.
        await page.GotoAsync($"/hud?mission={host.MissionId}");
        await Assertions.Expect(page.GetByTestId("mission-status")).ToHaveTextAsync("PENDING");
        await Assertions.Expect(page.Locator("#chart svg[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("EURUSD M5 chart: 48 recent candles"));
        (await page.Locator("#chart svg rect.candle").CountAsync()).ShouldBe(48);
        (await page.Locator("#chart svg line.overlay").CountAsync()).ShouldBe(4, "entry, stop, target and one key level");
        await Assertions.Expect(page.GetByTestId("tcs")).ToHaveTextAsync("82.0");
        await Assertions.Expect(page.GetByTestId("win-probability")).ToHaveTextAsync("62.0 %");
        await Assertions.Expect(page.GetByTestId("record")).ToContainTextAsync("n = 10");
        await Assertions.Expect(page.GetByTestId("risk-money")).ToContainTextAsync("USD");
        await Assertions.Expect(page.Locator("#components")).ToContainTextAsync("swept the Asian low");
        await Assertions.Expect(page.Locator("#shield")).ToContainTextAsync("no high-impact news");
        await Assertions.Expect(page.Locator("#countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1[45]:\d\d$"));
        await Assertions.Expect(page.GetByTestId("live-price")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\.\d{5} / \d\.\d{5}$"));
        await Assertions.Expect(page.Locator("#fire")).ToBeEnabledAsync();
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).ShouldBe("rgb(28, 28, 29)", "Telegram's bg_color");
        await browser.ScreenshotAsync("hud-briefing");

        // FIRE: queued → sent → filled, live, with each step's latency.
        await page.Locator("#fire").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mission-status")).ToHaveTextAsync("FILLED", Filled);
        await Assertions.Expect(page.Locator("#steps li[data-step=filled].done")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\+\d+ ms"));
        await Assertions.Expect(page.Locator("#steps li[data-step='EA (sent)'].done")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\+\d+ ms"));
        await Assertions.Expect(page.Locator("#fire")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("hud-filled");
        await AssertCleanAsync(browser, "/hud");

        var fireId = await FireIdAsync();

        // The war room shows the open position with its live P/L and a close button.
        await page.GotoAsync("/me");
        var position = page.Locator($"#positions tr[data-fire='{fireId}']");
        await Assertions.Expect(position).ToContainTextAsync("EURUSD");
        await Assertions.Expect(position.GetByRole(AriaRole.Button, new() { Name = "Close" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#eas")).ToContainTextAsync("online");
        await Assertions.Expect(page.Locator("#guards")).ToContainTextAsync("loss budget used");
        await Assertions.Expect(page.GetByTestId("rank")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("#equity svg[role=img]")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("me");
        await AssertCleanAsync(browser, "/me");

        // Settings: risk per trade saved through the API.
        await page.Locator("#settings input[name=risk_percent]").FillAsync("1.5");
        await page.Locator("#settings button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#settings-saved")).ToHaveTextAsync("Saved.");
        using (var settingsClient = await TraderClientAsync())
        using (var settings = JsonDocument.Parse(await settingsClient.GetStringAsync(new Uri("/api/me/settings", UriKind.Relative))))
        {
            settings.RootElement.GetProperty("risk_percent").GetDecimal().ShouldBe(1.5m);
        }

        // Close it from the war room (confirmed), then the briefing shows the result and the journal prompt.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await position.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(position).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GotoAsync($"/hud?mission={host.MissionId}");
        await Assertions.Expect(page.GetByTestId("mission-status")).ToHaveTextAsync("CLOSED", Filled);
        await Assertions.Expect(page.GetByTestId("result")).ToContainTextAsync(" R · ");
        await browser.ScreenshotAsync("hud-closed");
        await AssertCleanAsync(browser, "/hud (closed)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write it in your notebook" }).ClickAsync();

        // The notebook: a new entry linked to the trade, then found by its tag.
        await page.WaitForURLAsync($"**/notebook?fire={fireId}");
        await Assertions.Expect(page.Locator("select[name=fire_id]")).ToHaveValueAsync(fireId);
        await page.Locator("textarea[name=text]").FillAsync("Waited for the sweep, fired on the close. Calm.");
        await page.Locator("input[name=tags]").FillAsync("patience, london");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("entries")).ToContainTextAsync("Waited for the sweep");
        await Assertions.Expect(page.GetByTestId("entries")).ToContainTextAsync("EURUSD BUY");
        await page.Locator("#search input[name=tag]").FillAsync("london");
        await page.Locator("#search button").ClickAsync();
        await Assertions.Expect(page.Locator("#entries article")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("notebook");
        await AssertCleanAsync(browser, "/notebook");

        // Tracking: the per pattern/symbol table with its interval, calibration and cumulative R.
        await page.GotoAsync("/tracking");
        var row = page.GetByTestId("stats").Locator("tbody tr").Filter(new() { HasText = HudHost.Pattern });
        await Assertions.Expect(row.First).ToContainTextAsync("EURUSD");
        await Assertions.Expect(row.First).ToContainTextAsync("60.0 %");
        await Assertions.Expect(row.First).ToContainTextAsync("31.3 % – 83.2 %"); // Wilson 95 % for 6 of 10
        await Assertions.Expect(page.Locator("#calibration svg circle.chart-dot").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signals")).ToContainTextAsync("open");
        await browser.ScreenshotAsync("tracking");
        await AssertCleanAsync(browser, "/tracking");

        // Not an admin: the page refuses, and so does the API behind it.
        await page.GotoAsync("/throne");
        await Assertions.Expect(page.GetByTestId("throne-refused")).ToBeVisibleAsync();
        (await page.Locator("#users").CountAsync()).ShouldBe(0);
        await browser.ScreenshotAsync("throne-refused");
        await AssertCleanAsync(browser, "/throne");
        using var client = await TraderClientAsync();
        (await client.GetAsync(new Uri("/api/admin/users", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri("/api/admin/halt", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync(new Uri("/api/admin/thresholds", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ChromiumFact]
    public async Task Admin_SignsInWithALoginLink_SeesTheThrone()
    {
        var code = await host.IssueLoginCodeAsync(await host.UserIdOfAsync(SeedDemoAccountsHandlerIds.Admin));
        await using var browser = await BrowserSession.StartAsync(host.BaseAddress, telegramInitData: null, OptionalEndpoints);
        var page = browser.Page;

        await page.GotoAsync($"/login?code={code}");
        await page.WaitForURLAsync("**/me");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("Demo Admin");
        await page.GotoAsync("/throne");
        await Assertions.Expect(page.GetByTestId("users")).ToContainTextAsync("Demo Trader");
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("Overall");
        await Assertions.Expect(page.Locator("#eas")).ToContainTextAsync("sim-ea-1");
        await Assertions.Expect(page.Locator("#halt-state")).ToHaveTextAsync("allowed");
        await Assertions.Expect(page.Locator("#thresholds")).ToContainTextAsync("below the 45 % floor");
        await Assertions.Expect(page.Locator("#thresholds svg[role=img]")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("now 74"));
        (await page.GetByTestId("throne-refused").IsVisibleAsync()).ShouldBeFalse();
        await browser.ScreenshotAsync("throne");
        await AssertCleanAsync(browser, "/throne");

        // A used code is refused with a message the user can act on.
        await page.GotoAsync($"/login?code={code}");
        await Assertions.Expect(page.Locator("#login-state")).ToContainTextAsync("already used");
        page.Url.ShouldNotContain(code, Case.Sensitive, "the one-time code is taken out of the address bar");
    }

    private static async Task AssertCleanAsync(BrowserSession browser, string page)
    {
        await Assertions.Expect(browser.Page.Locator("main[aria-busy=false]")).ToHaveCountAsync(1);
        browser.ForeignRequests.ShouldBeEmpty($"{page} asked another host");
        browser.ConsoleErrors.ShouldBeEmpty($"{page} logged console errors");
        (await browser.UnlabelledGraphicsAsync()).ShouldBeEmpty($"{page} has images, canvases or charts without an accessible label");
        (await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"))
            .ShouldBeLessThanOrEqualTo(0, $"{page} is wider than a phone's screen");
    }

    private async Task<HttpClient> TraderClientAsync() =>
        await host.NewClient().SignInAsync(host.TraderTelegramId, "Demo Trader", host.Clock.GetUtcNow());

    private async Task<string> FireIdAsync()
    {
        using var client = await TraderClientAsync();
        using var mission = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/missions/{host.MissionId}", UriKind.Relative)));
        return mission.RootElement.GetProperty("mission").GetProperty("fire_id").GetString()!;
    }
}
