using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Accounts;

public sealed class AdminUserListEndpointTests
{
    [Fact]
    public async Task ListUsers_WhenAdmin_AnswersUsersWithTiersAndTheConfiguredTiers()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        await host.SignInAsync(2);

        using var response = await host.GetAsync("/api/admin/users", admin);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("total").GetInt32().ShouldBe(2);
        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(u => u.GetProperty("telegram_id").GetInt64()).ShouldBe([2, 1], "newest first");
        items.Single(u => u.GetProperty("telegram_id").GetInt64() == 1).GetProperty("is_admin").GetBoolean().ShouldBeTrue();
        items.Single(u => u.GetProperty("telegram_id").GetInt64() == 2).GetProperty("is_admin").GetBoolean().ShouldBeFalse();
        items.ShouldAllBe(u => u.GetProperty("tier").GetString() != null);
        body.GetProperty("tiers").EnumerateArray().Select(t => t.GetString()).ShouldContain("FANG");
    }

    [Fact]
    public async Task ListUsers_WhenNotAdminOrBadPage_IsRefused()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var user = await host.SignInAsync(2);

        using var byUser = await host.GetAsync("/api/admin/users", user);
        using var badSize = await host.GetAsync("/api/admin/users?page_size=5000", admin);

        byUser.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badSize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badSize.Content.ReadAsStringAsync()).ShouldContain("page_size");
    }
}
