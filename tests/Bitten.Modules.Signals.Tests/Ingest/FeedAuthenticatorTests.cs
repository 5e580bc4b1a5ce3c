using Bitten.Modules.Signals.Ingest;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Bitten.Modules.Signals.Tests.Ingest;

public sealed class FeedAuthenticatorTests
{
    [Fact]
    public void Check_WhenFloodedWithMadeUpEaIds_KeepsItsCacheBoundedAndStillKnowsTheRealFeed()
    {
        var clock = new ManualTimeProvider();
        // No Users module: a mediator without handlers, so unknown ids are simply invalid.
        using var services = new ServiceCollection()
            .AddScoped<IMediator>(_ => new Mediator(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? Array.CreateInstance(t.GetGenericArguments()[0], 0) : null!))
            .BuildServiceProvider();
        var authenticator = new FeedAuthenticator(services.GetRequiredService<IServiceScopeFactory>(),
            new SignalsOptions { FeedCredentials = new(StringComparer.Ordinal) { ["feed-1"] = "right-token" } }, clock);
        authenticator.Check("feed-1", "right-token").ShouldBeTrue();

        for (var i = 0; i < FeedAuthenticator.MaxCached * 2; i++)
        {
            authenticator.Check($"made-up-{i}", "x").ShouldBeFalse();
        }

        authenticator.CachedCount.ShouldBeLessThanOrEqualTo(FeedAuthenticator.MaxCached);
        authenticator.Check("feed-1", "right-token").ShouldBeTrue();
        authenticator.Check("feed-1", "wrong-token").ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(10)); // the rejections have expired: the next miss sweeps them
        authenticator.Check("made-up-again", "x").ShouldBeFalse();
        authenticator.CachedCount.ShouldBeLessThan(10, "expired rejections are swept once the cache is full");
    }
}
