using System.Net;
using Bitten.Modules.Users.Tests.Audit;
using Bitten.Modules.Users.Tests.Support;

namespace Bitten.Modules.Users.Tests.Auth;

public sealed class TradingRateLimitTests
{
    [Fact]
    public async Task Fire_WhenOneUserExceedsTheirLimit_Gets429WhileAnotherUserStillFires()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:FireRateLimitPerUserPerMinute", "3"), ("Auth:RateLimitPerMinute", "100"));
        var alice = await host.SignInAsync(41);
        var bob = await host.SignInAsync(42);

        var aliceCodes = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var r = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, $"/api/test/{i}/fire", alice);
            aliceCodes.Add(r.StatusCode);
        }

        using var bobFire = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/test/1/fire", bob);
        using var aliceRead = await host.GetAsync("/api/me", alice);

        aliceCodes.ShouldBe([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests]);
        bobFire.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        aliceRead.StatusCode.ShouldBe(HttpStatusCode.OK, "only trading actions are limited this way");
    }

    [Fact]
    public async Task Fire_WhenUsersBehindOneIpExceedTheIpLimit_Gets429()
    {
        await using var host = await UsersTestHost.StartAsync(("Auth:FireRateLimitPerIpPerMinute", "2"), ("Auth:RateLimitPerMinute", "100"));
        var alice = await host.SignInAsync(43);
        var bob = await host.SignInAsync(44);

        using var first = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/test/1/fire", alice);
        using var second = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/test/2/fire", bob);
        using var third = await AuditEndpointsTests.SendAsync(host, HttpMethod.Post, "/api/test/3/fire/", bob); // routed like ".../fire"

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
