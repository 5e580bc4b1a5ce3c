using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Accounts;

public sealed class AdminEndpointsTests
{
    [Fact]
    public async Task SetTier_WhenAdmin_ChangesTheTierMeReports()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var user = await host.SignInAsync(2);
        var userId = await UserIdAsync(host, user);

        using var set = await PutAsync(host, $"/api/admin/users/{userId}/tier", admin, new { tier = "fang" });
        using var me = await host.GetAsync("/api/me", user);

        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tier").GetString().ShouldBe("FANG");
    }

    [Fact]
    public async Task SetTier_WhenNotAdminOrUnknownTierOrUser_IsRefused()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var user = await host.SignInAsync(2);
        var userId = await UserIdAsync(host, user);

        using var byUser = await PutAsync(host, $"/api/admin/users/{userId}/tier", user, new { tier = "FANG" });
        using var badTier = await PutAsync(host, $"/api/admin/users/{userId}/tier", admin, new { tier = "PLATINUM" });
        using var noUser = await PutAsync(host, "/api/admin/users/999/tier", admin, new { tier = "FANG" });

        byUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badTier.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badTier.Content.ReadAsStringAsync()).ShouldContain("Tiers:Definitions");
        noUser.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<long> UserIdAsync(UsersTestHost host, string token)
    {
        using var me = await host.GetAsync("/api/me", token);
        return (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetInt64();
    }

    private static async Task<HttpResponseMessage> PutAsync(UsersTestHost host, string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}
