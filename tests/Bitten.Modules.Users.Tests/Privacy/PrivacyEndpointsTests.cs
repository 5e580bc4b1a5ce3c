using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Audit;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Tests.Privacy;

public sealed class PrivacyEndpointsTests
{
    [Fact]
    public async Task Export_WhenSignedIn_AnswersOwnProfileTerminalsAndAuditWithoutSecrets()
    {
        await using var host = await UsersTestHost.StartAsync();
        var alice = await host.SignInAsync(11);
        await host.SignInAsync(12);
        using var link = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/me/eas", alice, new { label = "Alice desk" });
        var token = (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ea_token").GetString()!;

        using var response = await host.GetAsync("/api/me/export", alice);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var users = JsonDocument.Parse(text).RootElement.GetProperty("modules").GetProperty("users");
        users.GetProperty("profile").GetProperty("telegram_id").GetInt64().ShouldBe(11);
        users.GetProperty("linked_terminals")[0].GetProperty("label").GetString().ShouldBe("Alice desk");
        users.GetProperty("audit").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ShouldContain("ea.link");
        text.ShouldNotContain(token);
        text.ShouldNotContain("token_hash", Case.Insensitive);
        text.ShouldNotContain("\"telegram_id\":12");
    }

    [Fact]
    public async Task Erase_WhenSignedIn_DeletesTheUserKeepsTheAuditTrailAnonymisedAndLeavesOthers()
    {
        await using var host = await UsersTestHost.StartAsync();
        var alice = await host.SignInAsync(21);
        var bob = await host.SignInAsync(22);
        (await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/me/eas", alice, new { label = "A" })).Dispose();
        (await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/me/eas", bob, new { label = "B" })).Dispose();
        var aliceId = await host.InScopeAsync<UsersDbContext, long>(db => db.Users.Where(u => u.TelegramId == 21).Select(u => u.Id).SingleAsync());

        using var erase = await AuditEndpointsTests.SendAsync(host, HttpMethod.Delete, "/api/me", alice);
        using var meAfter = await host.GetAsync("/api/me", alice);
        using var bobMe = await host.GetAsync("/api/me", bob);

        erase.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        meAfter.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        bobMe.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (users, eas, aliceAudit, anonymous) = await host.InScopeAsync<UsersDbContext, (int, int, int, int)>(async db => (
            await db.Users.CountAsync(),
            await db.LinkedEas.CountAsync(),
            await db.AuditLog.CountAsync(a => a.ActorUserId == aliceId),
            await db.AuditLog.CountAsync(a => a.ActorUserId == null && (a.Action == "ea.link" || a.Action == "auth.sign_in" || a.Action == "gdpr.erase"))));
        users.ShouldBe(1);
        eas.ShouldBe(1);
        aliceAudit.ShouldBe(0);
        anonymous.ShouldBe(3, "alice's sign-in and link stay in the trail without her id, plus the erasure itself");
    }
}
