using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Execution;
using Bitten.Contracts.Signals;
using Bitten.Modules.Missions.Tests.Support;

namespace Bitten.Modules.Missions.Tests.Api;

public sealed class MissionsEndpointsTests
{
    [Fact]
    public async Task Endpoints_WhenAnotherUsersMission_Answer404AsIfItDidNotExist()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        using var b = host.Client(2);

        (await b.GetAsync($"/api/missions/{a}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsync($"/api/missions/{a}/fire", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsync($"/api/missions/{a}/skip", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        host.World.FiresReceived.ShouldBeEmpty();
        var list = await b.GetFromJsonAsync<JsonElement>("/api/missions");
        list.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("mission_id").GetString() != a);
    }

    [Fact]
    public async Task Endpoints_WhenNotSignedIn_Answer401()
    {
        await using var host = await MissionsApiHost.StartAsync();
        using var anonymous = host.Client(null);

        (await anonymous.GetAsync("/api/missions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/stream")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Fire_WhenOwnerFires_Answers202WithFireIdThen409()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        using var client = host.Client(1);

        var first = await client.PostAsync($"/api/missions/{a}/fire", null);
        var second = await client.PostAsync($"/api/missions/{a}/fire", null);

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fire_id").GetString().ShouldNotBeNullOrEmpty();
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        host.World.FiresReceived.Single().Source.ShouldBe(FireSource.Http);
    }

    [Fact]
    public async Task Fire_When50RequestsRaceOverHttp_AnswersOne202AndFortyNine409()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        using var client = host.Client(1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => client.PostAsync($"/api/missions/{a}/fire", null))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Accepted).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(49);
        host.World.FiresReceived.Count.ShouldBe(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Fire_WhenExpired_Answers410()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        host.Time.Advance(TimeSpan.FromMinutes(16));
        using var client = host.Client(1);

        (await client.PostAsync($"/api/missions/{a}/fire", null)).StatusCode.ShouldBe(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Fire_WhenExecutionRefuses_Answers422WithTheReason()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        host.World.Fire = _ => FireDecision.Refuse(FireRefusal.PriceMoved, "price moved 0.4 R toward the target");
        using var client = host.Client(1);

        var response = await client.PostAsync($"/api/missions/{a}/fire", null);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("price moved 0.4 R toward the target");
        problem.GetProperty("refusal").GetString().ShouldBe("PriceMoved");
    }

    [Fact]
    public async Task Fire_WhenIdIsNotAUlid_Answers400NamingTheParameter()
    {
        await using var host = await MissionsApiHost.StartAsync();
        using var client = host.Client(1);

        var response = await client.PostAsync("/api/missions/not-an-id/fire", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString().ShouldBe("id");
    }

    [Fact]
    public async Task Skip_WhenPending_Answers200ThenConflict()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        using var client = host.Client(1);

        (await client.PostAsync($"/api/missions/{a}/skip", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/api/missions/{a}/skip", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PostAsync($"/api/missions/{a}/fire", null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Get_WhenOwnMission_ShowsSignalLivePriceAndSecondsToExpiry()
    {
        await using var host = await MissionsApiHost.StartAsync();
        var (a, _) = await SeedTwoUsersAsync(host);
        host.World.Quotes["EURUSD"] = new MarketQuote("EURUSD", 1.10010m, 1.10020m, 1, false, 5, 0.0001m);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        using var client = host.Client(1);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/missions/{a}");

        var mission = body.GetProperty("mission");
        mission.GetProperty("status").GetString().ShouldBe("PENDING");
        mission.GetProperty("volume").GetDecimal().ShouldBe(1.00m);
        mission.GetProperty("seconds_to_expiry").GetInt64().ShouldBe(600);
        body.GetProperty("live").GetProperty("bid").GetDecimal().ShouldBe(1.10010m);
        body.GetProperty("signal").GetProperty("shield_class").GetString().ShouldBe("ShieldActive");
    }

    [Fact]
    public async Task List_WhenFilteredByStatus_ReturnsOnlyThoseNewestFirst()
    {
        await using var host = await MissionsApiHost.StartAsync();
        Seed.Users(host.World, host.Time, 1);
        await host.PublishAsync(Seed.Signal(host.Time));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.PublishAsync(Seed.Signal(host.Time));
        using var client = host.Client(1);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/missions");
        var newest = all.GetProperty("items")[0].GetProperty("mission_id").GetString();
        await client.PostAsync($"/api/missions/{newest}/skip", null);

        var skipped = await client.GetFromJsonAsync<JsonElement>("/api/missions?status=skipped");
        var bad = await client.GetAsync("/api/missions?status=sleeping");

        all.GetProperty("total").GetInt32().ShouldBe(2);
        all.GetProperty("items")[0].GetProperty("created_ts_ms").GetInt64().ShouldBeGreaterThan(all.GetProperty("items")[1].GetProperty("created_ts_ms").GetInt64());
        skipped.GetProperty("items").GetArrayLength().ShouldBe(1);
        skipped.GetProperty("items")[0].GetProperty("mission_id").GetString().ShouldBe(newest);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<(string A, string B)> SeedTwoUsersAsync(MissionsApiHost host)
    {
        Seed.Users(host.World, host.Time, 2);
        await host.PublishAsync(Seed.Signal(host.Time));
        var a = host.World.Created.Single(c => c.UserId.Value == 1).MissionId.Value;
        var b = host.World.Created.Single(c => c.UserId.Value == 2).MissionId.Value;
        return (a, b);
    }
}
