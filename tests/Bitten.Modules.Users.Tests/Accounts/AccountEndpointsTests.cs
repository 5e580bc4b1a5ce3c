using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Ea;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Accounts;

public sealed class AccountEndpointsTests
{
    [Fact]
    public async Task Settings_WhenReadFresh_ShowDefaults()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(10);

        using var response = await host.GetAsync("/api/me/settings", token);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("risk_percent").GetDecimal().ShouldBe(2m);
        body.GetProperty("auto_fire").GetBoolean().ShouldBeFalse();
        body.GetProperty("min_win_probability").GetDecimal().ShouldBe(0.55m);
        body.GetProperty("drill_tone").GetString().ShouldBe("balanced");
        body.GetProperty("time_zone").GetString().ShouldBe("UTC");
        body.GetProperty("notifications").GetProperty("signal_alert").GetString().ShouldBe("on");
    }

    [Fact]
    public async Task Settings_WhenValidChange_AreStoredAndSeenByOtherModules()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(11);

        using var response = await PatchAsync(host, token, new
        {
            risk_percent = 1.5m,
            min_win_probability = 0.6m,
            drill_tone = "harsh",
            time_zone = "Europe/London",
            notifications = new Dictionary<string, string> { ["drill_report"] = "off", ["trade_closed"] = "silent" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = await host.InScopeAsync<UsersDbContext, long>(db => db.Users.Where(u => u.TelegramId == 11).Select(u => u.Id).SingleAsync());
        var profile = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<Users.Accounts.GetUserRiskProfileHandler>(sp)
            .Handle(new GetUserRiskProfile(new UserId(userId)), CancellationToken.None));
        profile.ShouldBe(new UserRiskProfile(new UserId(userId), 1.5m, false, 0.6m, DrillTone.Harsh, "Europe/London"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("notifications").GetProperty("drill_report").GetString().ShouldBe("off");
        body.GetProperty("notifications").GetProperty("trade_closed").GetString().ShouldBe("silent");
    }

    [Fact]
    public async Task Settings_WhenInvalid_Returns400NamingEachFieldAndChangesNothing()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(12);

        using var response = await PatchAsync(host, token, new
        {
            risk_percent = 9m,
            auto_fire = true,
            min_win_probability = 0.2m,
            drill_tone = "sarcastic",
            time_zone = "Mars/Olympus",
            notifications = new Dictionary<string, string> { ["signal_alert"] = "loud" },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var after = await host.GetAsync("/api/me/settings", token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "risk_percent", "auto_fire", "min_win_probability", "drill_tone", "time_zone", "notifications.signal_alert" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        errors.GetProperty("risk_percent")[0].GetString()!.ShouldContain("2");
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("risk_percent").GetDecimal().ShouldBe(2m);
    }

    [Fact]
    public async Task Settings_WhenTierAllowsAutoFire_CanTurnItOn()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(13);
        await host.InScopeAsync<UsersDbContext, int>(db => db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.Tier, "COMMANDER")));

        using var response = await PatchAsync(host, token, new { auto_fire = true, risk_percent = 3m });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auto_fire").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Eas_WhenLinkedListedRotatedAndUnlinked_OverHttp_BehaveAndNeverListTokens()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(14);

        using var linked = await SendAsync(host, HttpMethod.Post, "/api/me/eas", token, new { label = "VPS" });
        var issued = await linked.Content.ReadFromJsonAsync<JsonElement>();
        var eaId = issued.GetProperty("ea_id").GetString()!;
        using var list = await host.GetAsync("/api/me/eas", token);
        var listText = await list.Content.ReadAsStringAsync();
        using var rotated = await SendAsync(host, HttpMethod.Post, $"/api/me/eas/{eaId}/rotate", token, null);
        var newToken = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ea_token").GetString()!;
        var validAfterRotate = await ValidateAsync(host, eaId, newToken);
        using var deleted = await SendAsync(host, HttpMethod.Delete, $"/api/me/eas/{eaId}", token, null);
        using var deletedAgain = await SendAsync(host, HttpMethod.Delete, $"/api/me/eas/{eaId}", token, null);

        linked.StatusCode.ShouldBe(HttpStatusCode.OK);
        issued.GetProperty("is_default").GetBoolean().ShouldBeTrue();
        listText.ShouldContain(eaId);
        listText.ShouldNotContain(issued.GetProperty("ea_token").GetString()!);
        listText.ShouldNotContain("ea_token");
        validAfterRotate.Valid.ShouldBeTrue();
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        deletedAgain.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ValidateAsync(host, eaId, newToken)).Valid.ShouldBeFalse();
    }

    [Fact]
    public async Task Eas_WhenAnotherUsersEa_AreNotFound()
    {
        await using var host = await UsersTestHost.StartAsync();
        var owner = await host.SignInAsync(15);
        var intruder = await host.SignInAsync(16);
        using var linked = await SendAsync(host, HttpMethod.Post, "/api/me/eas", owner, new { label = "Mine" });
        var eaId = (await linked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ea_id").GetString();

        using var rotate = await SendAsync(host, HttpMethod.Post, $"/api/me/eas/{eaId}/rotate", intruder, null);
        using var delete = await SendAsync(host, HttpMethod.Delete, $"/api/me/eas/{eaId}", intruder, null);
        using var anonymous = await SendAsync(host, HttpMethod.Get, "/api/me/eas", null, null);

        rotate.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> PatchAsync(UsersTestHost host, string token, object body) =>
        SendAsync(host, HttpMethod.Patch, "/api/me/settings", token, body);

    private static async Task<HttpResponseMessage> SendAsync(UsersTestHost host, HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Http.SendAsync(request);
    }

    private static Task<EaCredentialsValidation> ValidateAsync(UsersTestHost host, string eaId, string token) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<ValidateEaCredentialsHandler>(sp)
            .Handle(new ValidateEaCredentials(eaId, token), CancellationToken.None));
}
