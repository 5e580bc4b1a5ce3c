using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Contracts.Users;
using Bitten.Modules.Users.Tests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Users.Tests.Audit;

public sealed class AuditEndpointsTests
{
    [Fact]
    public async Task Audit_WhenUsersSignInLinkAndAdminChangesTier_RecordsWhoWhatAndFromWhere()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var user = await host.SignInAsync(2);
        var userId = await UserIdAsync(host, user);
        using var link = await SendAsync(host, HttpMethod.Post, "/api/me/eas", user, new { label = "Desk" });
        var eaId = (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ea_id").GetString();
        using var tier = await SendAsync(host, HttpMethod.Put, $"/api/admin/users/{userId}/tier", admin, new { tier = "FANG" });

        var page = await AuditAsync(host, admin, "");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("action").GetString()).ShouldBe(["admin.set_tier", "ea.link", "auth.sign_in", "auth.sign_in"]);
        items[0].GetProperty("target").GetString().ShouldBe($"user:{userId}");
        items[0].GetProperty("detail").GetString().ShouldBe("tier FANG");
        items[1].GetProperty("user_id").GetInt64().ShouldBe(userId);
        items[1].GetProperty("target").GetString().ShouldBe(eaId);
        items.ShouldAllBe(i => i.GetProperty("source").GetString() == "127.0.0.1");
        page.GetProperty("total").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Audit_WhenFilteredAndPaged_AnswersTheMatchingSlice()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var user = await host.SignInAsync(2);
        var userId = await UserIdAsync(host, user);
        for (var i = 0; i < 3; i++)
        {
            (await SendAsync(host, HttpMethod.Post, "/api/me/eas", user, new { label = $"T{i}" })).Dispose();
        }

        var byAction = await AuditAsync(host, admin, "?action=ea.link&page_size=2&page=2");
        var byPrefix = await AuditAsync(host, admin, $"?action=ea.&user_id={userId}");
        var future = await AuditAsync(host, admin, "?from=2099-01-01T00:00:00Z");

        byAction.GetProperty("total").GetInt32().ShouldBe(3);
        byAction.GetProperty("items").GetArrayLength().ShouldBe(1);
        byPrefix.GetProperty("total").GetInt32().ShouldBe(3);
        future.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("?page_size=0", "page_size")]
    [InlineData("?page=0", "page")]
    [InlineData("?from=yesterday", "from")]
    public async Task Audit_WhenAQueryValueIsBad_Answers400NamingIt(string query, string parameter)
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);

        using var response = await host.GetAsync("/api/admin/audit" + query, admin);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString().ShouldBe(parameter);
    }

    [Fact]
    public async Task Audit_WhenNotAdmin_Answers403AndAnonymous401()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var user = await host.SignInAsync(2);

        (await host.GetAsync("/api/admin/audit", user)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.GetAsync("/api/admin/audit", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AuditEvent_WhenAnotherModulePublishesIt_IsStoredClipped()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "1"));
        var admin = await host.SignInAsync(1);
        var at = host.Clock.GetUtcNow().AddMinutes(-1);

        await host.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IMediator>().Publish(new AuditEventOccurred(new UserId(77), "trading.halt", "all", new string('x', 600), "10.0.0.9", at));
            return 0;
        });
        var page = await AuditAsync(host, admin, "?action=trading.halt");

        var entry = page.GetProperty("items")[0];
        entry.GetProperty("user_id").GetInt64().ShouldBe(77);
        entry.GetProperty("source").GetString().ShouldBe("10.0.0.9");
        entry.GetProperty("detail").GetString()!.Length.ShouldBe(512);
        entry.GetProperty("at").GetDateTimeOffset().ShouldBe(at);
    }

    private static async Task<JsonElement> AuditAsync(UsersTestHost host, string admin, string query)
    {
        using var response = await host.GetAsync("/api/admin/audit" + query, admin);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<long> UserIdAsync(UsersTestHost host, string token)
    {
        using var me = await host.GetAsync("/api/me", token);
        return (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetInt64();
    }

    internal static async Task<HttpResponseMessage> SendAsync(UsersTestHost host, HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Http.SendAsync(request);
    }
}
