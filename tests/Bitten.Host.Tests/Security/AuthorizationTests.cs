using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bitten.Contracts.Common;
using Bitten.Contracts.Signals;
using Bitten.Host.Tests.Infrastructure;
using Bitten.Modules.Execution.Fires;
using Bitten.Modules.Execution.Persistence;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Host.Tests.Security;

/// <summary>
/// The whole host: no user can read or act on another's missions, fires, notebook or export, and every
/// admin endpoint (found from the routing table, so new ones are covered without editing this test)
/// refuses a signed-in non-admin with 403.
/// </summary>
public sealed partial class AuthorizationTests : IDisposable
{
    private const long AdminTelegramId = 990_001;
    private readonly BittenAppFactory _factory = new BittenAppFactory().WithTelegram()
        .WithSetting("Auth:AdminTelegramIds:0", AdminTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithSetting("Auth:RateLimitPerMinute", "1000");

    [Fact]
    public async Task EveryAdminEndpoint_WhenCalledByANonAdmin_Answers403()
    {
        using var user = await _factory.CreateClient().SignInAsync(990_101);
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);
        var endpoints = AdminEndpoints();

        endpoints.Count.ShouldBeGreaterThanOrEqualTo(6, "users tier/active, audit, eas, halt (GET and POST) at least");
        foreach (var (method, url) in endpoints)
        {
            using var asUser = await SendAsync(user, method, url);
            using var anonymous = await SendAsync(_factory.CreateClient(), method, url);
            asUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{method} {url} as a non-admin");
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {url} without a token");
        }

        using var adminAudit = await admin.GetAsync(new Uri("/api/admin/audit", UriKind.Relative));
        adminAudit.StatusCode.ShouldBe(HttpStatusCode.OK, "the same routes do answer an admin");
    }

    [Fact]
    public async Task EveryRouteUnderApiAdmin_RequiresTheAdminPolicy()
    {
        _ = _factory.Server; // builds the host
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        routes.ShouldNotBeEmpty();
        routes.ShouldAllBe(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "admin"));
    }

    [Fact]
    public async Task Missions_WhenAnotherUsersMission_AreInvisibleAndCannotBeFiredOrSkipped()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_201, "Alice");
        using var bob = await _factory.CreateClient().SignInAsync(990_202, "Bob");
        await PublishSignalAsync();
        var bobsMission = await OnlyMissionIdAsync(bob);
        var alicesMission = await OnlyMissionIdAsync(alice);

        using var read = await alice.GetAsync(new Uri($"/api/missions/{bobsMission}", UriKind.Relative));
        using var fire = await alice.PostAsync(new Uri($"/api/missions/{bobsMission}/fire", UriKind.Relative), null);
        using var skip = await alice.PostAsync(new Uri($"/api/missions/{bobsMission}/skip", UriKind.Relative), null);

        alicesMission.ShouldNotBe(bobsMission);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fire.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        skip.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OnlyMissionIdAsync(bob)).ShouldBe(bobsMission, "bob's mission is untouched");
    }

    [Fact]
    public async Task Fires_WhenAnotherUsersFire_AreInvisibleAndCannotBeClosed()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_301, "Alice");
        using var bob = await _factory.CreateClient().SignInAsync(990_302, "Bob");
        var bobsFire = await InsertFilledFireAsync(await UserIdAsync(bob));

        using var read = await alice.GetAsync(new Uri($"/api/fires/{bobsFire}", UriKind.Relative));
        using var close = await alice.PostAsync(new Uri($"/api/positions/{bobsFire}/close", UriKind.Relative), null);
        var alicesList = await alice.GetStringAsync(new Uri("/api/fires", UriKind.Relative));
        using var bobsRead = await bob.GetAsync(new Uri($"/api/fires/{bobsFire}", UriKind.Relative));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        close.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        alicesList.ShouldNotContain(bobsFire);
        bobsRead.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Notebook_WhenAnotherUsersEntry_CannotBeReadChangedOrDeleted()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_401, "Alice");
        using var bob = await _factory.CreateClient().SignInAsync(990_402, "Bob");
        var entry = await WriteNoteAsync(bob, "bob's private thoughts");

        using var read = await alice.GetAsync(new Uri($"/api/notebook/{entry}", UriKind.Relative));
        using var change = await alice.PutAsJsonAsync(new Uri($"/api/notebook/{entry}", UriKind.Relative), new { text = "hacked" });
        using var delete = await alice.DeleteAsync(new Uri($"/api/notebook/{entry}", UriKind.Relative));
        var alicesList = await alice.GetStringAsync(new Uri("/api/notebook", UriKind.Relative));
        var bobsEntry = await bob.GetStringAsync(new Uri($"/api/notebook/{entry}", UriKind.Relative));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        change.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        alicesList.ShouldNotContain("bob's private thoughts");
        bobsEntry.ShouldContain("bob's private thoughts");
    }

    [Fact]
    public async Task Export_WhenSignedIn_HoldsEveryModulesSectionWithOwnDataOnly()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_501, "Alice");
        using var bob = await _factory.CreateClient().SignInAsync(990_502, "Bob");
        await PublishSignalAsync();
        await WriteNoteAsync(alice, "alice's note");
        await WriteNoteAsync(bob, "bob's note");
        var alicesMission = await OnlyMissionIdAsync(alice);
        var bobsMission = await OnlyMissionIdAsync(bob);
        var bobsFire = await InsertFilledFireAsync(await UserIdAsync(bob));

        var export = await alice.GetStringAsync(new Uri("/api/me/export", UriKind.Relative));

        using var json = JsonDocument.Parse(export);
        json.RootElement.GetProperty("modules").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["execution", "gamification", "missions", "users"], ignoreOrder: true);
        export.ShouldContain("alice's note");
        export.ShouldContain(alicesMission);
        export.ShouldNotContain("bob's note");
        export.ShouldNotContain(bobsMission);
        export.ShouldNotContain(bobsFire);
    }

    [Fact]
    public async Task Erase_WhenAUserAsks_RemovesTheirDataInEveryModuleAndKeepsOthers()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_601, "Alice");
        using var bob = await _factory.CreateClient().SignInAsync(990_602, "Bob");
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);
        await PublishSignalAsync();
        await WriteNoteAsync(alice, "alice's note");
        await WriteNoteAsync(bob, "bob's note");
        var aliceId = await UserIdAsync(alice);
        var alicesFire = await InsertFilledFireAsync(aliceId);
        var alicesMission = await OnlyMissionIdAsync(alice);

        using var erase = await alice.DeleteAsync(new Uri("/api/me", UriKind.Relative));
        using var meAfter = await alice.GetAsync(new Uri("/api/me", UriKind.Relative));
        var bobsExport = await bob.GetStringAsync(new Uri("/api/me/export", UriKind.Relative));
        var audit = await admin.GetStringAsync(new Uri($"/api/admin/audit?user_id={aliceId}", UriKind.Relative));
        var erasures = await admin.GetStringAsync(new Uri("/api/admin/audit?action=gdpr.erase", UriKind.Relative));

        erase.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        meAfter.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bobsExport.ShouldContain("bob's note");
        using (var scope = _factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().Fires.Any(f => f.FireId == alicesFire).ShouldBeFalse();
            scope.ServiceProvider.GetRequiredService<Bitten.Modules.Missions.Persistence.MissionsDbContext>().Missions.Any(m => m.Id == alicesMission).ShouldBeFalse();
            scope.ServiceProvider.GetRequiredService<Bitten.Modules.Gamification.Persistence.GamificationDbContext>().Journal.Any(j => j.UserId == aliceId).ShouldBeFalse();
        }

        JsonDocument.Parse(audit).RootElement.GetProperty("total").GetInt32().ShouldBe(0, "the trail no longer names her");
        JsonDocument.Parse(erasures).RootElement.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task FireAndHalt_WhenRequested_AreAudited()
    {
        using var alice = await _factory.CreateClient().SignInAsync(990_701, "Alice");
        using var admin = await _factory.CreateClient().SignInAsync(AdminTelegramId);
        await PublishSignalAsync();
        var mission = await OnlyMissionIdAsync(alice);

        using var fire = await alice.PostAsync(new Uri($"/api/missions/{mission}/fire", UriKind.Relative), null);
        using var halt = await admin.PostAsJsonAsync(new Uri("/api/admin/halt", UriKind.Relative), new { halted = true });
        using var resume = await admin.PostAsJsonAsync(new Uri("/api/admin/halt", UriKind.Relative), new { halted = false });
        using var audit = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/admin/audit?page_size=500", UriKind.Relative)));

        halt.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = audit.RootElement.GetProperty("items").EnumerateArray().ToList();
        var fired = items.Single(i => i.GetProperty("action").GetString() == "mission.fire");
        fired.GetProperty("target").GetString().ShouldBe($"mission:{mission}");
        fired.GetProperty("detail").GetString()!.ShouldStartWith(fire.StatusCode == HttpStatusCode.Accepted ? "accepted" : "refused");
        items.Select(i => i.GetProperty("action").GetString()).ShouldContain("trading.halt");
        items.Select(i => i.GetProperty("action").GetString()).ShouldContain("trading.resume");
    }

    public void Dispose() => _factory.Dispose();

    private List<(HttpMethod Method, string Url)> AdminEndpoints()
    {
        var routes = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "admin")
                        || e.RoutePattern.RawText?.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase) == true);
        var found = new List<(HttpMethod, string)>();
        foreach (var route in routes)
        {
            var url = RouteParameter().Replace(route.RoutePattern.RawText!, m => m.Value.Contains(":long", StringComparison.Ordinal) || m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");
            foreach (var method in route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                found.Add((new HttpMethod(method), url));
            }
        }

        return found;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = JsonContent.Create(new { });
        }

        return await client.SendAsync(request);
    }

    private async Task PublishSignalAsync()
    {
        var now = DateTimeOffset.UtcNow;
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(new SignalPublished(
            SignalId.New(now), "EURUSD", Side.Buy, "LIQUIDITY_SWEEP_REVERSAL", Timeframe.M5, 1.10000m, 1.09800m, 1.10300m, 20m, 30m, 1.5,
            80, 7.0, ShieldClass.ShieldActive, 1.0m, 0.6, 0.5, TradingSession.London, "RAPID", null, now, now.AddMinutes(15), now));
        var fanOuts = _factory.Services.GetRequiredService<Bitten.Modules.Missions.Creation.FanOutQueue>();
        await Wait.UntilAsync(() => fanOuts.Outstanding == 0, TimeSpan.FromSeconds(60), "Missions' fan-out worker has created the signal's missions");
    }

    private static async Task<string> OnlyMissionIdAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/missions", UriKind.Relative)));
        var items = json.RootElement.GetProperty("items");
        items.GetArrayLength().ShouldBe(1);
        return items[0].GetProperty("mission_id").GetString()!;
    }

    private static async Task<long> UserIdAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));
        return json.RootElement.GetProperty("user_id").GetInt64();
    }

    private static async Task<long> WriteNoteAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/notebook", UriKind.Relative), new { text });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>A filled fire as Execution stores it after an EA's confirmation (no EA is connected in this host).</summary>
    private async Task<string> InsertFilledFireAsync(long userId)
    {
        var now = DateTimeOffset.UtcNow;
        var fireId = FireId.New(now).Value;
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        db.Fires.Add(new FireRecord
        {
            FireId = fireId,
            MissionId = MissionId.New(now).Value,
            UserId = userId,
            SignalId = SignalId.New(now).Value,
            EaId = "ea-test" + userId,
            Symbol = "EURUSD",
            BrokerSymbol = "EURUSD",
            Side = (int)Side.Buy,
            Volume = 0.1m,
            Entry = 1.1m,
            StopLoss = 1.098m,
            TakeProfit = 1.103m,
            RiskMoney = 20m,
            Point = 0.00001m,
            Source = 1,
            Status = FireStatus.Filled,
            CreatedAtMs = now.ToUnixTimeMilliseconds(),
            ExpiresAtMs = now.AddMinutes(5).ToUnixTimeMilliseconds(),
            FilledAtMs = now.ToUnixTimeMilliseconds(),
            FillPrice = 1.1m,
            FilledVolume = 0.1m,
            Position = 4242,
        });
        await db.SaveChangesAsync();
        return fireId;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
