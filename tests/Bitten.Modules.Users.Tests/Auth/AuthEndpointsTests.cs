using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bitten.Contracts.Common;
using Bitten.Modules.Users.Auth;
using Bitten.Modules.Users.Persistence;
using Bitten.Modules.Users.Tests.Ea;
using Bitten.Modules.Users.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Bitten.Modules.Users.Tests.Auth;

public sealed class AuthEndpointsTests
{
    [Fact]
    public async Task TelegramSignIn_WhenInitDataValid_RegistersUserAndReturnsBearerTokenForMe()
    {
        await using var host = await UsersTestHost.StartAsync();
        var initData = InitDataSigner.Sign(UsersTestHost.BotToken, host.Clock.GetUtcNow().ToUnixTimeSeconds(), 555, "Neo", null);

        using var response = await host.PostJsonAsync("/api/auth/telegram", new { init_data = initData });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("accessToken").GetString();
        using var me = await host.GetAsync("/api/me", token);
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("tokenType").GetString().ShouldBe("Bearer");
        body.GetProperty("expiresIn").GetInt64().ShouldBe(3600);
        body.GetProperty("refreshToken").GetString().ShouldNotBeNullOrEmpty();
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        profile.GetProperty("telegram_id").GetInt64().ShouldBe(555);
        profile.GetProperty("display_name").GetString().ShouldBe("Neo");
        profile.GetProperty("tier").GetString().ShouldBe("PRESS");
        profile.GetProperty("is_admin").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task TelegramSignIn_WhenSignedInTwice_IsTheSameUser()
    {
        await using var host = await UsersTestHost.StartAsync();

        var first = await MeAsync(host, await host.SignInAsync(777));
        var second = await MeAsync(host, await host.SignInAsync(777));

        second.GetProperty("user_id").GetInt64().ShouldBe(first.GetProperty("user_id").GetInt64());
    }

    [Fact]
    public async Task TelegramSignIn_WhenStartParamIsAReferralCode_RecordsReferrer()
    {
        await using var host = await UsersTestHost.StartAsync();
        var referrer = await MeAsync(host, await host.SignInAsync(1));

        await MeAsync(host, await host.SignInAsync(2, "ref_" + referrer.GetProperty("referral_code").GetString()));

        var referrerOf2 = await host.InScopeAsync<UsersDbContext, long?>(db => db.Users.Where(u => u.TelegramId == 2).Select(u => u.ReferrerUserId).SingleAsync());
        referrerOf2.ShouldBe(referrer.GetProperty("user_id").GetInt64());
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("wrong-token")]
    [InlineData("empty")]
    public async Task TelegramSignIn_WhenInitDataInvalid_Returns401ProblemAndNoUser(string kind)
    {
        await using var host = await UsersTestHost.StartAsync();
        var now = host.Clock.GetUtcNow().ToUnixTimeSeconds();
        var initData = kind switch
        {
            "tampered" => InitDataSigner.Sign(UsersTestHost.BotToken, now, 9, "Eve", null).Replace("Eve", "Mallory", StringComparison.Ordinal),
            "expired" => InitDataSigner.Sign(UsersTestHost.BotToken, now - 3601, 9, "Eve", null),
            "wrong-token" => InitDataSigner.Sign("1:another", now, 9, "Eve", null),
            _ => "",
        };

        using var response = await host.PostJsonAsync("/api/auth/telegram", new { init_data = initData });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("init_data");
    }

    [Fact]
    public async Task Me_WhenNoOrForgedToken_Returns401()
    {
        await using var host = await UsersTestHost.StartAsync();

        using var none = await host.GetAsync("/api/me", null);
        using var forged = await host.GetAsync("/api/me", "not-a-real-token");

        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_WhenAccessTokenExpired_Returns401()
    {
        await using var host = await UsersTestHost.StartAsync();
        var token = await host.SignInAsync(5);

        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var expired = await host.GetAsync("/api/me", token);

        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AdminPolicy_WhenUserIsNotAdmin_Returns403AndForAdmin200()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:AdminTelegramIds:0", "42"));

        using var user = await host.GetAsync("/test/admin", await host.SignInAsync(41));
        using var admin = await host.GetAsync("/test/admin", await host.SignInAsync(42));

        user.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginLink_WhenCodeRedeemedOnce_SignsInThatUserAndRefusesReuse()
    {
        await using var host = await UsersTestHost.StartAsync();
        var owner = await EaLinkServiceTests.NewUserAsync(host, 77);
        var (code, _) = await host.InScopeAsync<LoginLinkService, (string, DateTimeOffset)>(s => s.IssueAsync(owner, CancellationToken.None));

        using var first = await host.PostJsonAsync("/api/auth/login-link", new { code });
        using var again = await host.PostJsonAsync("/api/auth/login-link", new { code });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        (await MeAsync(host, token!)).GetProperty("user_id").GetInt64().ShouldBe(owner.Value);
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LoginLink_WhenExpiredOrUnknown_Returns401()
    {
        await using var host = await UsersTestHost.StartAsync();
        var owner = await EaLinkServiceTests.NewUserAsync(host, 78);
        var (code, _) = await host.InScopeAsync<LoginLinkService, (string, DateTimeOffset)>(s => s.IssueAsync(owner, CancellationToken.None));

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var expired = await host.PostJsonAsync("/api/auth/login-link", new { code });
        using var unknown = await host.PostJsonAsync("/api/auth/login-link", new { code = "made-up" });

        expired.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_WhenRefreshTokenValid_IssuesNewAccessToken()
    {
        await using var host = await UsersTestHost.StartAsync();
        var initData = InitDataSigner.Sign(UsersTestHost.BotToken, host.Clock.GetUtcNow().ToUnixTimeSeconds(), 90, "R", null);
        using var signIn = await host.PostJsonAsync("/api/auth/telegram", new { init_data = initData });
        var refresh = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();

        host.Clock.Advance(TimeSpan.FromHours(2));
        using var refreshed = await host.PostJsonAsync("/api/auth/refresh", new { refresh_token = refresh });
        using var bogus = await host.PostJsonAsync("/api/auth/refresh", new { refresh_token = "bogus" });

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        (await MeAsync(host, token!)).GetProperty("telegram_id").GetInt64().ShouldBe(90);
        bogus.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AuthEndpoints_WhenOneIpExceedsTheLimit_Returns429()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:RateLimitPerMinute", "3"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await host.PostJsonAsync("/api/auth/login-link", new { code = "nope" });
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
    }

    [Fact]
    public async Task TelegramSignIn_WhenBotTokenNotConfigured_Returns503()
    {
        await using var host = await UsersTestHost.StartAsync(("Telegram:BotToken", ""));

        using var response = await host.PostJsonAsync("/api/auth/telegram", new { init_data = "a=b" });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<JsonElement> MeAsync(UsersTestHost host, string token)
    {
        using var me = await host.GetAsync("/api/me", token);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await me.Content.ReadFromJsonAsync<JsonElement>();
    }
}
