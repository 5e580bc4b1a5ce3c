using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Bitten.Host.Tests.Hud;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download), headless, at a phone's width. Records
/// every request to a host other than the server (and blocks it), console errors and page errors, so a
/// test can assert the pages stay on the server and run clean.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public ConcurrentQueue<string> ForeignRequests { get; } = new();

    public ConcurrentQueue<string> ConsoleErrors { get; } = new();

    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(TestEnvironment.RepositoryRoot, "tests", "Bitten.Host.Tests", "artifacts")).FullName;

    /// <param name="allowedMissing">Paths of optional endpoints whose 404 (logged by Chromium as a console error) is expected.</param>
    public static async Task<BrowserSession> StartAsync(Uri server, string? telegramInitData = null, params string[] allowedMissing)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
            Timeout = 60_000,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, // a phone
            BaseURL = server.ToString(),
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(20_000);
        if (telegramInitData is not null)
        {
            // What Telegram's webview injects (we never load telegram-web-app.js): initData and the theme.
            await context.AddInitScriptAsync($$"""
                window.Telegram = { WebApp: {
                  initData: {{System.Text.Json.JsonSerializer.Serialize(telegramInitData)}},
                  themeParams: { bg_color: '#1c1c1d', text_color: '#f5f5f5', hint_color: '#98989e', link_color: '#64b5ef', button_color: '#e0443b', button_text_color: '#ffffff', secondary_bg_color: '#2c2c2e' },
                  ready() {}, expand() {}
                } };
                """);
        }

        var page = await context.NewPageAsync();
        var session = new BrowserSession(playwright, browser, context, page);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "blob" || (url.Host == server.Host && url.Port == server.Port))
            {
                await route.ContinueAsync();
            }
            else
            {
                session.ForeignRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !allowedMissing.Any(path => message.Text.Contains("404", StringComparison.Ordinal) && message.Location.Contains(path, StringComparison.Ordinal)))
            {
                session.ConsoleErrors.Enqueue($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => session.ConsoleErrors.Enqueue("page error: " + error);
        return session;
    }

    /// <summary>Saves a full-page screenshot under artifacts/ once the page has finished loading its data.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Assertions.Expect(Page.Locator("main[aria-busy=false]")).ToHaveCountAsync(1);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>Every image, canvas and svg on the page that has no accessible label (aria-label, aria-labelledby or alt).</summary>
    public async Task<string[]> UnlabelledGraphicsAsync() =>
        await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('img, canvas, svg:not(svg svg)')]
              .filter(n => !((n.getAttribute('aria-label') || n.getAttribute('alt') || '').trim() || n.getAttribute('aria-labelledby')))
              .map(n => n.outerHTML.slice(0, 120))
            """);

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
