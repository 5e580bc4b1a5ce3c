using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Modules.Gamification.Tests.Fakes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Gamification.Tests.Flows;

public sealed class ApiTests : IAsyncLifetime
{
    private readonly GameHarness _game = new(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        _game.Configure(builder.Services);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGamificationEndpoints();
        await _app.StartAsync();
    }

    private HttpClient Client(long user)
    {
        var client = _app!.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Test-User", user.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client;
    }

    [Fact]
    public async Task Progress_WhenNotSignedIn_Is401()
    {
        var response = await _app!.GetTestClient().GetAsync(new Uri("/api/me/progress", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CheckIn_WhenPosted_PublishesTheFactAndAnswersProgress()
    {
        _game.Mediator.OnPublish = async (n, ct) =>
        {
            if (n is Bitten.Contracts.Gamification.UserCheckedIn checkedIn)
            {
                // The host's mediator would dispatch to the handler; the fake does it by hand.
                await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<Integration.UserCheckedInHandler>(sp).Handle(checkedIn, ct));
            }
        };

        var response = await Client(1).PostAsync(new Uri("/api/me/checkin", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("streak_days").GetInt32().ShouldBe(1);
        body.GetProperty("xp").GetInt64().ShouldBe(50);
        body.GetProperty("tactic").GetString().ShouldBe("LONE_WOLF");
        body.GetProperty("shots_remaining").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Tactic_WhenLockedOrUnknown_Is400NamingTheField()
    {
        var locked = await Client(1).PostAsJsonAsync("/api/me/tactic", new { tactic = "DOUBLE_TAP" });
        var unknown = await Client(1).PostAsJsonAsync("/api/me/tactic", new { tactic = "CHAINGUN" });

        locked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("tactic");
        (await Client(1).PostAsJsonAsync("/api/me/tactic", new { tactic = "LONE_WOLF" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(1).PostAsJsonAsync("/api/me/tactic", new { tactic = "LONE_WOLF" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Notebook_WhenAnotherUserAsksForMyEntry_Is404()
    {
        var created = await Client(1).PostAsJsonAsync("/api/notebook", new { text = "held my stop", mood = "calm", tags = new[] { "Discipline" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var location = created.Headers.Location!;

        (await Client(2).GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(2).DeleteAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Client(2).PutAsJsonAsync(location.ToString(), new { text = "mine now" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await Client(1).GetFromJsonAsync<JsonElement>(location);
        mine.GetProperty("text").GetString().ShouldBe("held my stop");
        var byTag = await Client(1).GetFromJsonAsync<JsonElement>("/api/notebook?tag=discipline");
        byTag.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Notebook_WhenTextTooLong_Is400NamingText()
    {
        var response = await Client(1).PostAsJsonAsync("/api/notebook", new { text = new string('x', 4001) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("text");
    }

    [Fact]
    public async Task Notebook_WhenLinkingAnotherUsersFire_Is400AndOwnFireIsAccepted()
    {
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<Integration.FireFilledHandler>(sp).Handle(Facts.Filled(2, "THEIRS", _game.Clock.GetUtcNow()), CancellationToken.None));
        await _game.RunAsync(sp => ActivatorUtilities.CreateInstance<Integration.FireFilledHandler>(sp).Handle(Facts.Filled(1, "MINE", _game.Clock.GetUtcNow()), CancellationToken.None));

        var foreign = await Client(1).PostAsJsonAsync("/api/notebook", new { text = "note", fire_id = "THEIRS" });
        var own = await Client(1).PostAsJsonAsync("/api/notebook", new { text = "note", fire_id = "MINE" });

        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString().ShouldBe("fire_id");
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Leaderboard_WhenOnlyOneUserOptedIn_ShowsOnlyTheirDisplayName()
    {
        await _game.RunAsync(sp => sp.GetRequiredService<Xp.XpLedger>().AwardAsync(new Bitten.Contracts.Common.UserId(1), 300, "test", "seed:1", null, CancellationToken.None));
        await _game.RunAsync(sp => sp.GetRequiredService<Xp.XpLedger>().AwardAsync(new Bitten.Contracts.Common.UserId(2), 900, "test", "seed:2", null, CancellationToken.None));
        (await Client(1).PostAsJsonAsync("/api/me/leaderboard", new { opt_in = true, display_name = "Ghost-1" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client(2).PostAsJsonAsync("/api/me/leaderboard", new { opt_in = true })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var board = await Client(2).GetFromJsonAsync<JsonElement>("/api/leaderboard?by=xp");

        board.GetArrayLength().ShouldBe(1);
        board[0].GetProperty("display_name").GetString().ShouldBe("Ghost-1");
        board[0].GetProperty("score").GetDouble().ShouldBe(300);
    }

    [Fact]
    public async Task Shop_WhenBalanceShort_Is409AndListsCatalogue()
    {
        var shop = await Client(1).GetFromJsonAsync<JsonElement>("/api/shop");
        shop.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);

        (await Client(1).PostAsync(new Uri("/api/shop/badge-sniper", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Client(1).PostAsync(new Uri("/api/shop/leverage-boost", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _game.Dispose();
    }
}
